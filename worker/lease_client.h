/* lease_client: the server's worker API as a remote worker calls it (jobs, leases, packages). */
#ifndef WORKER_LEASE_CLIENT_H
#define WORKER_LEASE_CLIENT_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "httpc.h"

/* Each function uses its client alone: thread-safe for distinct clients (httpc.h). */

/*
 * Claims a job, waiting up to `wait_s` on the server for one (POST /api/v1/worker/claim): 0 with
 * *job (a new reference), -ENOENT when there was none, -EACCES when the server refused the token,
 * -EPROTO for an answer without a job, -EIO otherwise. On failure c->err says why.
 */
int lease_claim(struct httpc *c, int wait_s, json_t **job);

/*
 * POSTs `body` (stolen; NULL: none) to /api/v1/worker/jobs/LEASE/WHAT ("progress", "result",
 * "heartbeat", "release"): the status, or -EIO when no answer came, -ENOMEM. A refusal other than
 * 409 (the lease is not current) is logged on stderr with the server's detail.
 */
long lease_post(struct httpc *c, const char *lease, const char *what, json_t *body, long timeout_s);

/*
 * Downloads package `hash` into `tmp`, unpacks it, checks it hashes to `hash` and renames it to
 * folder `dir`. 0 or a negative errno, with `err` saying why and *transient set when a retry
 * later may succeed (the server busy or restarting, this machine's disk full).
 */
int lease_fetch_package(struct httpc *c, const char *hash, const char *tmp, const char *dir,
                        char *err, size_t errsize, bool *transient);

#endif
