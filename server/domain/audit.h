/* audit: the append-only log of what teams (and the admin) did through the API. */
#ifndef SERVER_AUDIT_H
#define SERVER_AUDIT_H

#include <jansson.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

/*
 * One action of `who` (a team or admin token) on `c`: `action` (a route's audit name such as
 * "invite.revoke"), the request's method and path, the status it was answered with, the id it
 * created (`target_id`, may be NULL) and `detail` (borrowed, may be NULL: what changed).
 * Returns 0, -EINVAL for a principal that is not a team or the admin, or the store's negative
 * errno. Thread-safe as far as `c` is the caller's own connection.
 */
int audit_record(dbc *c, const struct principal *who, const char *action, const char *method,
                 const char *path, unsigned status, const char *target_id, const json_t *detail);

/*
 * The entries of team `team_id` (every team's when `team_id` < 0), newest first, with ids
 * below `before` (0: from the newest), at most `limit`. A new JSON array into *out, and into
 * *next the `before` of the following page (0 when this one is the last). 0, -ENOMEM or the store's
 * negative errno; *out and *next are untouched on failure.
 */
int audit_list(dbc *c, int64_t team_id, int64_t before, int limit, json_t **out, int64_t *next);

#endif
