/*
 * invites: the candidates of an assessment. An invite is one candidate, one token (kept as its
 * hash) and one timed session: started_at and ends_at are set once, by the server's clock
 * (sessions.h), so the timer cannot be stretched from the browser. The team revokes an invite,
 * gives a candidate extra time, or opens a finished session again.
 *
 * Every function returns 0 or a negative errno (db.h's; -ENOENT: no such invite, or one of
 * another team) and never logs. Each takes a pooled connection of its own: thread-safe.
 */
#ifndef SERVER_INVITES_H
#define SERVER_INVITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"

#define INVITE_TOKEN_LEN   80
#define INVITE_DEFAULT_MS  (168 * 3600 * 1000ll) /* an invite's life when none is asked */
#define EXTRA_MINUTES_MAX  1440                  /* an accommodation added at once */
#define REOPEN_MINUTES_MAX (7 * 1440)            /* how far a re-opened session may end */

enum invite_state {
    INVITE_INVITED,
    INVITE_STARTED,
    INVITE_FINISHED,
    INVITE_EXPIRED,
    INVITE_REVOKED
};
/* "invited", "started", ... as the API names them. */
const char *invite_state_name(enum invite_state st);

/* One invite; name and email are owned by the row (invite_row_release). Times: 0 for none. */
struct invite_row {
    int64_t id, assessment_id;
    char *name, *email;
    int64_t created_at, expires_at, started_at, ends_at, finished_at, revoked_at;
    char finish_reason[16]; /* "finished", "time", or "" */
    int64_t extra_s;        /* accommodation: seconds added to the session */
};
void invite_row_release(struct invite_row *i); /* NULL is fine; the row is zeroed */
void invites_list_free(struct invite_row *list, size_t n);
/* The state at `now`: revoked, finished (also when the time ran out), started, expired, invited. */
enum invite_state invites_state(const struct invite_row *i, int64_t now);

/*
 * A new invite to assessment `aid`, valid until `expires_at`: its token (shown once; only the
 * hash is kept) into `token` (INVITE_TOKEN_LEN bytes) and its id into *id.
 */
int invites_create(db *d, int64_t aid, const char *name, const char *email, int64_t expires_at,
                   int64_t now, char *token, int64_t *id);
/* Invite `id`, of assessment `aid` only when `aid` is not 0. */
int invites_get(db *d, int64_t id, int64_t aid, struct invite_row *out);
/* The invites of assessment `aid` by id: a new array into *out (invites_list_free). */
int invites_list(db *d, int64_t aid, struct invite_row **out, size_t *n);
/* The same on the caller's connection (for reports.c). */
int invites_read_all(dbc *c, int64_t aid, struct invite_row **out, size_t *n);
/* 0 when `who` owns invite `id` (its assessment is `who`'s), else -ENOENT. */
int invites_owned(db *d, const struct principal *who, int64_t id);
/* Revokes invite `id` of `who`'s: -ENOENT when there is no such active invite. */
int invites_revoke(db *d, const struct principal *who, int64_t id, int64_t now);
/*
 * Extra time for invite `id`: before the start it is added when the session starts (past the
 * assessment's closing time too: an accommodation is owed in full); during the session, to its
 * end at once. -EEXIST when the invite is revoked or its session finished (re-open it instead).
 */
int invites_extra_time(db *d, int64_t id, int64_t minutes, int64_t now);
/*
 * Opens invite `id`'s finished session again until `ends`: the finish is undone, so the candidate
 * submits again, the time-up sweep ends it anew and candidate.finished goes out again then.
 * -EEXIST when there is no finished session (revoked, not started, or still running).
 */
int invites_reopen(db *d, int64_t id, int64_t ends, int64_t now);
/*
 * Is `who`'s token still good? False for a candidate whose invite was revoked since (streams
 * opened with it close), or when it cannot be read. Other roles: true.
 */
bool invites_token_live(db *d, const struct principal *who);
/* The ids of invite `id`'s submissions, oldest first: a new array into *out (to free()). */
int invites_submissions(db *d, int64_t id, char (**out)[40], size_t *n);

#endif
