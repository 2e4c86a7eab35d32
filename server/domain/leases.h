/*
 * leases: remote workers' hold on the submissions they judge, and the worker tokens. A judge on
 * another machine claims a queued submission with a lease (a random id and an expiry), keeps it
 * alive with heartbeats, and records its result while the lease is current; a lease not kept
 * alive is swept back to the queue. The HTTP side is http/api_workers.c.
 *
 * Errors: 0 or a negative errno, never an HTTP status: -ESTALE the lease is not current (it
 * expired and the submission went back to the queue, was released, or its result is recorded),
 * -ENOENT nothing queued / no such package, -ENOMEM, -EBUSY, -EIO. Nothing is printed but the
 * sweep's and claims' log lines on stderr (the server's log).
 *
 * Thread-safety: any thread, at once, and any number of judged processes sharing one PostgreSQL
 * store: every change of a lease is one conditional UPDATE on (lease_id, status = 'compiling',
 * the holder), checked by the rows it changed.
 */
#ifndef SERVER_LEASES_H
#define SERVER_LEASES_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "queue.h"
#include "server.h"

/* A lease lasts this long unless `--lease` says otherwise; workers heartbeat at a third of it. */
#define LEASE_S_DEFAULT 30
#define LEASE_ID_LEN    32

/*
 * Starts the sweep that puts submissions whose lease expired (a dead or cut-off worker) back in
 * the queue. leases_stop waits for it after s->stopping was set.
 */
int leases_start(struct server *s);
void leases_stop(struct server *s);

/* Puts expired leases back in the queue now; returns how many, or a negative errno. */
long leases_sweep(struct server *s);

/* The lease of a job claimed by a remote worker, with what it needs to fetch the problem. */
struct lease_job {
    struct job job; /* job_release() it */
    char lease_id[LEASE_ID_LEN + 1];
    int64_t expires_at; /* ms since the epoch */
    unsigned lease_s, heartbeat_s;
    bool has_problem; /* false: the version is gone (the worker reports IE) */
    char slug[128];
    char hash[65];
    int64_t time_limit_ms;
};

/*
 * Claims the next queued submission for worker `who` (round robin across clients, as local
 * workers do). 0, -ENOENT when none is queued, -ENOMEM, -EIO. *out is zeroed on failure.
 */
int leases_claim(struct server *s, const struct principal *who, struct lease_job *out);

/*
 * Acting on lease `lease_id` as `who`: a worker on its own leases only, the admin on any.
 * heartbeat moves the expiry on (*expires_at: the new one); release puts the submission back in
 * the queue; current tells which submission it holds (progress events); record writes the
 * result and its tests, exactly once (*seconds: how long the judgement took). Each fills `id`
 * with the submission's id and returns 0 or -ESTALE (nothing changed then), or another errno.
 */
int leases_heartbeat(struct server *s, const struct principal *who, const char *lease_id,
                     int64_t *expires_at);
int leases_release(struct server *s, const struct principal *who, const char *lease_id,
                   char id[SUBMISSION_ID_LEN + 1]);
int leases_current(struct server *s, const struct principal *who, const char *lease_id,
                   char id[SUBMISSION_ID_LEN + 1]);
int leases_record(struct server *s, const struct principal *who, const char *lease_id,
                  const struct judged_result *res, char id[SUBMISSION_ID_LEN + 1], double *seconds);

/* Notes that worker `who` was seen now (GET /api/v1/workers/tokens shows idle workers too). */
int leases_touch(struct server *s, const struct principal *who);

/*
 * Opens the package of content hash `hash` (64 lowercase hex digits) as a tar.gz archive made
 * once per hash in the cache folder: *fd to close. -EINVAL when `hash` is not one, -ENOENT when
 * no problem version has it.
 */
int leases_package_open(struct server *s, const char *hash, int *fd);

/*** Worker tokens (the admin's) ***/

struct worker_token {
    int64_t id;
    char name[101];
    int64_t created_at;
    int64_t revoked_at;   /* 0: not revoked */
    int64_t last_seen_at; /* 0: never */
    int64_t leases;       /* submissions it holds now */
    char token[80];       /* the secret, set by leases_token_create only (shown once) */
};

/* A new worker token named `name`: the secret into out->token, only its hash is stored. */
int leases_token_create(struct server *s, const char *name, struct worker_token *out);
/* Every worker token, oldest first: *rows (free()) of *count. -ENOMEM, -EIO. */
int leases_tokens_list(struct server *s, struct worker_token **rows, size_t *count);

#endif
