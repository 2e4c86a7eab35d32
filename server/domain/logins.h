/*
 * logins: members' sessions (a browser signed in by a cookie) and one-time login links. Both
 * are 256 random bits shown once (the cookie's value, the link's token); the store keeps only
 * their BLAKE2b hashes. A session ends at logout, LOGIN_IDLE_MS after its last use, or
 * LOGIN_MAX_MS after it began, whichever comes first; and when its member is disabled or
 * removed, or its password changes (members.h). A link signs in once, within LOGIN_LINK_MS.
 * (Not to be confused with sessions.h: a candidate's timed assessment.)
 *
 * Each session has a CSRF token: a keyed BLAKE2b of the session's own token, so it needs no
 * storage and is worthless without the cookie; the browser shows it in X-CSRF-Token on each
 * request that changes something.
 *
 * Errors: 0 or a negative errno (-ENOENT an unknown, ended, expired or used token, or one of a
 * member who may not sign in; -ENOMEM; or the store's). Thread-safe: each call takes its own
 * pooled connection.
 */
#ifndef SERVER_LOGINS_H
#define SERVER_LOGINS_H

#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "members.h"

#define LOGIN_IDLE_MS   (12LL * 3600 * 1000)     /* a session unused this long ends */
#define LOGIN_MAX_MS    (7LL * 24 * 3600 * 1000) /* a session ends this long after it began */
#define LOGIN_LINK_MS   (30LL * 60 * 1000)       /* a login link is good this long */
#define LOGIN_TOKEN_MAX 64                       /* a session's or a link's token, NUL included */
#define LOGIN_CSRF_MAX  48                       /* a CSRF token, NUL included */
#define LOGIN_COOKIE    "judged_session"

/*
 * A new session for member `m` from address `client`: its token (the cookie's value, shown
 * once) into `token`, the principal it acts as into *who, when it ends at the latest into
 * *expires_at.
 */
int logins_create(db *d, const struct member_row *m, const char *client,
                  char token[LOGIN_TOKEN_MAX], struct principal *who, int64_t *expires_at);
/* Who the session of `token` is (a member's principal, login_id set); touches its idle clock. */
int logins_lookup(db *d, const char *token, struct principal *out);
/* Ends session `login_id`. */
int logins_end(db *d, int64_t login_id);

/* The CSRF token of session `token` into `out`. */
void logins_csrf(const char *token, char out[LOGIN_CSRF_MAX]);
/* Whether `presented` (may be NULL) is the CSRF token of session `token`, compared in constant
 * time. */
bool logins_csrf_ok(const char *token, const char *presented);

/*
 * A new login link for member `member` of team `team` (active): its token into `token`, its
 * expiry into *expires_at, its id into *link_id (may be NULL: for mail.h's outbox). -ENOENT: no
 * such active member in that team.
 */
int login_links_create(db *d, int64_t team, int64_t member, char token[LOGIN_TOKEN_MAX],
                       int64_t *expires_at, int64_t *link_id);
/* Uses the link of `token` (once): its member into *out. */
int login_links_redeem(db *d, const char *token, struct member_row *out);

#endif
