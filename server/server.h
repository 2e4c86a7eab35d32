/* server: the state one judged process shares between its HTTP threads and judging workers. */
#ifndef SERVER_SERVER_H
#define SERVER_SERVER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "cgroup.h"
#include "db.h"
#include "sandbox.h"
#include "server_caps.h"

struct serve_config {
    const char *listen; /* HOST:PORT; port 0 picks one (printed) */
    const char *data;   /* the data folder: judged.db, packages/, cache/, tmp/ */
    const char *store;  /* --store URL (sqlite:PATH, postgresql://...); NULL: DATA/judged.db */
    const char
        *packages; /* --packages DIR, shared by the nodes of one store; NULL: DATA/packages */
    const char *problems;  /* a folder of packages imported at start, or NULL */
    const char *web;       /* the built front end, or NULL for none */
    const char *port_file; /* where to write the port chosen (tests), or NULL */
    int workers;           /* judging threads; 0: the API alone */
    int interactive;       /* sandbox slots for imports and the Run button */
    enum cgroup_mode cgroup;
    unsigned queue_max;       /* queued submissions past which POST answers 503 */
    unsigned anon_per_min;    /* submissions and runs per minute per anonymous address */
    unsigned token_per_min;   /* submissions and runs per minute per token (admin: none) */
    unsigned reads_per_sec;   /* requests per second per anonymous address */
    unsigned wait_max_s;      /* the longest ?wait=true waits */
    unsigned max_connections; /* open connections at once */
    unsigned per_ip_connections;
    unsigned conn_timeout_s;     /* an idle or slow connection is closed after this */
    bool webhook_private;        /* webhooks may call loopback and private addresses */
    unsigned lease_s;            /* a remote worker's lease on a job without a heartbeat; 0: 30 */
    unsigned queue_per_client;   /* queued or judging per address / invite; 0: no cap */
    unsigned queue_per_token;    /* the same per team or worker token (the admin: none) */
    unsigned runs_per_client;    /* Runs in flight (running or waiting) per client */
    int import_slots;            /* sandbox slots for imports, apart from the Run button's */
    unsigned import_budget_s;    /* an import's whole verification, wall time */
    unsigned streams_per_client; /* open event streams per client */
    unsigned long anon_retention_s; /* anonymous submissions are deleted this long after; 0: kept */
    const char *smtp_url;     /* invite e-mails: smtp:// or smtps:// URL (libcurl), or NULL: none */
    const char *mail_from;    /* their From address */
    const char *public_url;   /* the judge's address as candidates reach it, for the links */
    unsigned remind_before_s; /* the reminder goes this long before the invite expires */
};

struct slot_pool;
struct queue;
struct pcache;
struct metrics;
struct ratelimit;
struct auth;

struct server {
    struct serve_config cfg;
    db *db;
    sandbox *sb;
    char *data_dir, *packages_dir, *cache_dir, *tmp_dir;
    struct slot_pool *slots;        /* the Run button's slots, after the workers' own */
    struct slot_pool *import_slots; /* imports' and verification's, after those */
    struct queue *queue;
    struct pcache *pcache;
    struct metrics *metrics;
    struct ratelimit *ratelimit;
    struct auth *auth;
    volatile int stopping; /* SIGTERM: no new work; judgements are cancelled and re-queued */
    atomic_bool ready;     /* the start-up import is done: /healthz answers 200 */
    atomic_int import_done, import_total;
};

/* Runs the service until SIGTERM or SIGINT. Returns the process exit status. */
int serve_main(const struct serve_config *cfg);

/*
 * Claims a sandbox slot for the Run button for `client` (queue_client_key), waiting at most
 * `timeout_ms`, fairly across clients: the slot, -EDQUOT when the client has cfg.runs_per_client
 * runs in flight already, -EAGAIN when none came free in time (or the judge is stopping),
 * -ENOMEM. A client never holds every slot of a pool of two or more. Thread-safe.
 */
int slot_acquire(struct server *s, const char *client, unsigned timeout_ms);
/* Gives back a slot slot_acquire gave `client`. */
void slot_release(struct server *s, int slot, const char *client);
/*
 * A pool of sandbox slots first..first+n-1 (at most 64) for the two functions above:
 * `inflight_max` requests per client (0: no cap), and with `reserve` one slot always left for
 * another client. serve_main makes the server's two; a test may make its own. NULL: no memory.
 */
struct slot_pool *slot_pool_new(int first, int n, unsigned inflight_max, bool reserve);
void slot_pool_free(struct slot_pool *p); /* NULL is fine */
/* Wakes every waiter of `p` (stopping: they see s->stopping and give up). */
void slot_pool_wake(struct slot_pool *p);
/* The same for imports and their verification: slots of their own (cfg.import_slots). */
int import_slot_acquire(struct server *s, const char *client, unsigned timeout_ms);
void import_slot_release(struct server *s, int slot, const char *client);

#endif
