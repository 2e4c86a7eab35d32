/* remote: the server side of remote workers: leases on queued submissions, over HTTP. */
#ifndef SERVER_REMOTE_H
#define SERVER_REMOTE_H

/*
 * Thread-safety: remote_start and remote_stop run once, from serve_main; the sweep runs in its
 * own thread and the handlers (api.h) in the HTTP threads, all through the database.
 */

#include "server.h"

/* A lease lasts this long unless `--lease` says otherwise; workers heartbeat at a third of it. */
#define REMOTE_LEASE_S_DEFAULT 30
/* The longest ?wait= of a claim, in seconds. */
#define REMOTE_CLAIM_WAIT_MAX 30

/*
 * Starts the sweep that puts submissions whose lease expired (a dead or cut-off worker) back in
 * the queue. remote_stop waits for it after s->stopping was set.
 */
int remote_start(struct server *s);
void remote_stop(struct server *s);

/* Puts expired leases back in the queue now; returns how many, or -EIO. */
long remote_sweep(struct server *s);

#endif
