/*
 * queue: submissions waiting to be judged and being judged. The queue is the submissions table
 * itself (status queued -> compiling -> done), so what was answered with 202 is in the store; the
 * live progress of the ones being judged here is kept in memory for GET and the event stream.
 *
 * Errors: every function returns 0 or a negative errno (never an HTTP status) and prints nothing.
 * Thread-safety: every function may be called from any thread at once; the queue's memory is
 * under its own locks, and each call takes a connection of its own from the pool. Claims and
 * results stay correct when several judged processes share one PostgreSQL store: a claim is one
 * conditional UPDATE of a row nobody else holds, and a result is written only while the claim
 * that judged it is still current (see queue.c).
 */
#ifndef SERVER_QUEUE_H
#define SERVER_QUEUE_H

#include <stdint.h>

#include "auth.h"
#include "judge.h"
#include "server.h"

#define SUBMISSION_ID_LEN 32

struct queue *queue_new(void);
void queue_free(struct queue *q); /* NULL is fine */

/*
 * At start: judgements a crash interrupted go back to the queue (*count says how many); remote
 * workers' leases get a whole lease from now to reach the server again.
 */
int queue_recover(struct server *s, long *count);

struct submit_request {
    int64_t version_id;
    const char *slug;
    const char *language;
    const char *source;
    const struct principal *who;
    const char *client;
};

/*
 * The key that tells clients apart for fairness and caps: a candidate's invite, a token, or the
 * address of an anonymous client.
 */
void queue_client_key(const struct principal *who, const char *address, char *buf, size_t size);
/* How many submissions `who` may have queued or being judged at once; 0: no cap (the admin). */
unsigned queue_client_cap(const struct server *s, const struct principal *who);

/*
 * Stores a new queued submission and wakes a worker. -EAGAIN when the queue is full, -EDQUOT
 * when this client has queue_client_cap() submissions queued or being judged already, -EBUSY,
 * -ENOSPC (the disk is full), -EIO.
 */
int queue_submit(struct server *s, const struct submit_request *req,
                 char id[SUBMISSION_ID_LEN + 1]);

/* A claimed submission. `source` is owned (job_release); the claim is identified by `attempt`. */
struct job {
    int64_t seq;
    int64_t attempt; /* the row's attempts after this claim: a later claim has another */
    char id[SUBMISSION_ID_LEN + 1];
    int64_t version_id;
    char language[16];
    char *source;
    int64_t created_at;
};
void job_release(struct job *job); /* frees the source; the struct may be reused */

/* A remote worker's lease, set on the row by the claim (queue_claim_leased). */
struct lease_terms {
    const char *lease_id; /* random, unique */
    int64_t expires_at;   /* ms since the epoch */
    int64_t token_id;     /* the worker's token; 0: none (the admin's) */
};

/*
 * Takes the next queued submission (status compiling), round robin across clients: the oldest
 * of the client with the fewest being judged, then the one served least recently. 0, -ENOENT
 * when none is queued, -ENOMEM, -EIO. *job is zeroed on failure.
 */
int queue_claim(struct server *s, struct job *job);
/* The same for a remote worker: the row gets the lease `terms` with it. */
int queue_claim_leased(struct server *s, const struct lease_terms *terms, struct job *job);

/* Waits until work may be there (a submission came in) or `ms` passed. */
void queue_wait_work(struct server *s, unsigned ms);

/*
 * The one place waiters are woken: QUEUE_WORK wakes the workers waiting for a submission,
 * QUEUE_CHANGED every watcher of a submission (which reads the store again). A store shared by
 * several judged processes hooks its cross-process notification here.
 */
enum { QUEUE_WORK = 1, QUEUE_CHANGED = 2 };
void queue_notify(struct server *s, unsigned what);
/* The same on this node alone: what nodes.c calls when another node told it. */
void queue_notify_local(struct server *s, unsigned what);
/* queue_notify(s, QUEUE_WORK | QUEUE_CHANGED) to every waiter: shutting down, or a requeue. */
void queue_wake_all(struct server *s);

/*
 * One test as stored and as live progress keeps it. Strings are borrowed when a row is passed in
 * (queue_live_test, struct judged_result); owned by the row when the queue or submissions module
 * fills one (test_row_release).
 */
struct test_row {
    int64_t index;
    char *name, *group;
    char *verdict; /* the verdict code: "AC", "WA", ... */
    char *message; /* the checker's or the judge's word; NULL or "" for none */
    bool sample;
    int64_t time_ms, memory_kb, wall_ms;
};
void test_row_release(struct test_row *t);
/* The row of test `index` of a judge result (strings borrowed from `pr` and `t`). */
struct test_row queue_test_row(const struct problem *pr, const struct test_result *t, size_t index);

/* A judgement to record, local or remote (strings and tests borrowed). */
struct judged_result {
    enum verdict verdict; /* V_IE: the judge failed, `error` says how (admins see it) */
    double score, max_score;
    int64_t time_ms, memory_kb;
    const char *compile_output; /* cut to COMPILE_OUTPUT_STORED_MAX when stored */
    const char *error;
    const struct test_row *tests;
    size_t ntests;
};

/*
 * Records the result of the local claim `job` with its tests in one transaction, exactly once:
 * -ESTALE when the claim is no longer current (the row was put back and claimed again, or a
 * result is recorded), nothing written then. -EBUSY, -ENOSPC, -ENOMEM, -EIO otherwise.
 */
int queue_finish(struct server *s, const struct job *job, const struct judged_result *res);
/*
 * For domain modules that guard a claim their own way (leases.c): writes `res` and its tests
 * on row `seq`, marking it done, inside the caller's transaction on `c`. 0 or a negative errno.
 */
int queue_store_result(dbc *c, int64_t seq, const struct judged_result *res);

/* Puts the local claim `job` back in the queue (shutting down, the disk full). -ESTALE, -EIO. */
int queue_requeue(struct server *s, const struct job *job);

/*
 * Compiler diagnostics as stored and shown: at most COMPILE_OUTPUT_STORED_MAX bytes, cut on a
 * character boundary with a note saying so (a small source can make megabytes of them). A new
 * string the caller frees, or NULL when out of memory.
 */
char *queue_compile_output_stored(const char *text);

/*
 * Deletes the anonymous submissions created before `before_ms` (ms since the epoch) that are
 * done, with their sources and tests: the retention period of --anon-retention. *count says how
 * many. 0 or a negative errno.
 */
int queue_delete_anonymous(struct server *s, int64_t before_ms, long *count);

/* Submissions queued, and being judged (*running, when not NULL); a negative errno. */
long queue_depth(struct server *s, long *running);

/*** Live progress, from whoever judges `id` (a local thread, a remote worker's events) ***/

void queue_live_begin(struct server *s, const char *id);
void queue_live_status(struct server *s, const char *id, const char *status,
                       const char *compile_output);
/* Appends a copy of `t` to the live tests of `id`. */
void queue_live_test(struct server *s, const char *id, const struct test_row *t);
void queue_live_end(struct server *s, const char *id);

/*
 * The same progress of a judgement on another node of a shared store, as nodes.c receives it:
 * kept here as this node's own is (GET and event streams show it), not told on again. A local
 * judgement of `id` is never overwritten by a mirrored one. queue_live_mirror_reset() drops every
 * mirrored entry: the listener reconnected and messages may be lost (viewers read the store).
 */
enum live_event { LIVE_BEGIN, LIVE_STATUS, LIVE_TEST, LIVE_END };
void queue_live_mirror(struct server *s, enum live_event ev, const char *id, const char *status,
                       const char *compile_output, const struct test_row *t);
void queue_live_mirror_reset(struct server *s);

/*
 * A snapshot of the live progress of `id`: its status into `status`, a copy of its compiler
 * output (*compile_output, NULL when none) and of its tests (*tests, *ntests), owned by the
 * caller. 0, -ENOENT when `id` is not being judged here, -ENOMEM. Outputs may be NULL.
 */
int queue_live_get(struct server *s, const char *id, char status[16], char **compile_output,
                   struct test_row **tests, size_t *ntests);

/*
 * Watching one submission: a snapshot of its live state, and a wait that returns when it made
 * progress, started or ended being judged (or any judgement did: a queued one cannot tell).
 * Waiters look at the store only then, not at every test of every other submission.
 */
struct queue_watch {
    uint64_t lifecycle, version;
    bool present;
};
void queue_watch_init(struct server *s, const char *id, struct queue_watch *w);
/* True when something changed, false after `ms` without a change. Updates `w`. */
bool queue_watch_wait(struct server *s, const char *id, struct queue_watch *w, unsigned ms);

#endif
