/* assess: the hiring workflow: assessments, invites, timed candidate sessions, webhooks. */
#ifndef SERVER_ASSESS_H
#define SERVER_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http.h"

/*
 * May the candidate of `r` submit (`counting`) or run code for problem `slug` now? Replies 403
 * (or 422 for a problem not in the assessment) and returns false when not. A NULL `slug` asks
 * whether the session runs at all. A `language` (may be NULL) outside the assessment's allowed
 * languages is refused with 422.
 */
bool assess_candidate_may_submit(struct server *s, struct req *r, const char *slug,
                                 const char *language, bool counting);

/*
 * The assessment named by the first path parameter of `r`, when the caller (its team, or the
 * admin) owns it; otherwise replies 404 and returns 0. `c` is the caller's connection.
 */
int64_t assess_own(struct server *s, struct req *r, sqlite3 *c);

/*
 * Is `who`'s token still good? False for a candidate whose invite was revoked since: streams
 * opened with it close. Other roles: true. Thread-safe (a pooled connection).
 */
bool assess_token_live(struct server *s, const struct principal *who);

/*
 * Does an assessment that has not ended (a session running, or an invite that may still start)
 * use problem `slug`? 1 (and its title into `title`), 0, or -EIO.
 */
int assess_problem_in_use(sqlite3 *c, const char *slug, char *title, size_t size);

/*
 * Replaces the settings and problems of assessment `id` (owned by `who`, checked by the caller)
 * with those of `body`, checked as POST /assessments checks them, as long as no candidate has
 * started it. 0 with the assessment's new JSON into *out (a new reference); -EINVAL with the
 * field errors added to `errors`; -EBUSY when a candidate has started; -EIO. `c` is the caller's
 * own connection.
 */
int assess_edit(struct server *s, sqlite3 *c, const struct principal *who, int64_t id, json_t *body,
                json_t *errors, json_t **out);

/* The thread that ends sessions whose time ran out and delivers webhooks (libcurl). */
int assess_start(struct server *s);
void assess_stop(struct server *s);

#endif
