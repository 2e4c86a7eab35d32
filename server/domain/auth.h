/* auth: bearer tokens (256 random bits, stored only as hashes) and who a request acts as. */
#ifndef SERVER_AUTH_H
#define SERVER_AUTH_H

/*
 * Thread-safety: auth_open and auth_close run once, before the HTTP threads start and after
 * they end; struct auth is read-only in between, so the other functions may be called from any
 * thread (the database is db.h's pool).
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "db.h"

enum role { ROLE_ANON, ROLE_ADMIN, ROLE_TEAM, ROLE_WORKER, ROLE_CANDIDATE };

/*
 * A role within a team (a member's or a key's), in order: each may do what the ones before it
 * may. What each role may do is one column of the route table (server/http/api.c); 0 there means
 * a route nobody forgot to give a role: it is read as TEAM_ADMIN.
 */
enum team_role { TEAM_READ_ONLY = 1, TEAM_REVIEWER, TEAM_RECRUITER, TEAM_ADMIN };

struct principal {
    enum role role;
    enum team_role team_role; /* ROLE_TEAM: the key's or the member's; ROLE_ADMIN: TEAM_ADMIN */
    int64_t member_id;        /* ROLE_TEAM: the member acting, 0 for a key */
    int64_t login_id;         /* the session (cookie) the request came with, 0 for a bearer */
    int64_t team_id;          /* ROLE_TEAM; ROLE_CANDIDATE: the team of the assessment */
    int64_t token_id;         /* 0 for the JUDGE_ADMIN_TOKEN of the environment */
    int64_t invite_id;        /* ROLE_CANDIDATE */
    int64_t assessment_id;    /* ROLE_CANDIDATE */
};

struct auth;

/*
 * Sets up the admin token: `env_token` (JUDGE_ADMIN_TOKEN) when given; otherwise, when the
 * database has no admin token yet, one is generated, its hash stored and the token printed once
 * on `log`.
 */
int auth_open(db *d, const char *env_token, FILE *log, struct auth **out);
void auth_close(struct auth *a);

/*
 * Who `bearer` is: 0, -ENOENT for an unknown or revoked token, -EIO when the store failed.
 * Thread-safe: every HTTP thread calls it (a connection of the pool each time).
 */
int auth_lookup(struct auth *a, const char *bearer, struct principal *out);

/* A new token `prefix` ("jd_", "ji_") + 43 base64url characters; its hash into `hash`. */
int auth_new_token(const char *prefix, char *token, size_t size, unsigned char hash[32]);
void auth_hash(const char *token, unsigned char hash[32]);

/* A random identifier of `bytes` bytes as hex into `out` (2 * bytes + 1 long). */
void auth_random_hex(char *out, size_t bytes);

const char *auth_role_name(enum role r);
/* "admin", "recruiter", "reviewer", "read-only"; team_role_parse: 0 or -EINVAL. */
const char *team_role_name(enum team_role r);
int team_role_parse(const char *name, enum team_role *out);

#endif
