/*
 * webhook: delivers the webhooks queued in webhook_deliveries (libcurl, retries, no SSRF), signed
 * per the Standard Webhooks specification with each team's secret, on a small pool of threads
 * where one team's deliveries go one at a time and teams never wait for each other. Also the
 * team's side: the secret (created, rotated), the delivery log and redelivery.
 */
#ifndef SERVER_WEBHOOK_H
#define SERVER_WEBHOOK_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "server.h"

/* Threads delivering at once: as many receivers may be slow before a fourth team waits. */
#define WEBHOOK_THREADS 4
/* Bytes of a receiver's answer the delivery log keeps. */
#define WEBHOOK_EXCERPT 256
/* The secret's random bytes, and the size of "whsec_" + their base64 + NUL. */
#define WEBHOOK_SECRET_BYTES 32
#define WEBHOOK_SECRET_LEN   64

/* Starts the delivery threads (curl_global_init must have run); webhook_stop joins them. */
int webhook_start(struct server *s);
void webhook_stop(struct server *s);

/*
 * A new signing secret for team `team_id` (0: the admin's assessments), replacing the old one at
 * once, into `secret` (WEBHOOK_SECRET_LEN bytes). `only_if_none`: keep an existing secret and
 * return 1 (nothing written). 0 when a secret was made, or the store's negative errno. Any thread,
 * its own `c`.
 */
int webhook_secret_new(dbc *c, int64_t team_id, bool only_if_none, char *secret);
/* The same, always replacing, for a team that must exist: 0, -ENOENT (no team `team_id`), or the
 * store's negative errno. Any thread. */
int webhook_secret_rotate(db *d, int64_t team_id, char *secret);

/*
 * The signature header value "v1,<base64 HMAC-SHA256 of id.timestamp.body>" for `secret`
 * ("whsec_<base64>") into `out` (at least 64 bytes): 0, or -EINVAL for a malformed secret.
 */
int webhook_sign(const char *secret, const char *msg_id, long long timestamp, const char *body,
                 char *out, size_t size);

/*
 * Team `team_id`'s deliveries (every team's when < 0), newest first, ids below `before` (0: from
 * the newest), at most `limit`: a new array into *out, the next page's `before` into *next (0:
 * none). 0, -ENOMEM or the store's negative errno; *out and *next untouched on failure.
 */
int webhook_deliveries(dbc *c, int64_t team_id, int64_t before, int limit, json_t **out,
                       int64_t *next);

/*
 * Queues delivery `id` of team `team_id` (any team's when < 0) again, as a new delivery with the
 * same message id (the receiver's idempotency key) due now: the new delivery as JSON into *out.
 * 0, -ENOENT (no such delivery of that team), -ENOMEM or the store's negative errno.
 */
int webhook_redeliver(dbc *c, int64_t team_id, int64_t id, json_t **out);

#endif
