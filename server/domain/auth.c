/*
 * Tokens. A token is 32 bytes from libsodium's CSPRNG, shown once; the database keeps only its
 * BLAKE2b-256 hash, so a stolen database file yields no usable token. Lookups hash the presented
 * token and find the row by its hash (a unique index): no secret is ever compared byte by byte,
 * and the environment's admin token is compared as a hash in constant time.
 */
#define _GNU_SOURCE
#include "auth.h"

#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

struct auth {
    db *db;
    bool env_admin;
    unsigned char env_hash[32];
};

const char *auth_role_name(enum role r)
{
    static const char *const names[] = {"anonymous", "admin", "team", "worker", "candidate"};
    return names[r];
}

static const char *const team_roles[] = {[TEAM_READ_ONLY] = "read-only",
                                         [TEAM_REVIEWER] = "reviewer",
                                         [TEAM_RECRUITER] = "recruiter",
                                         [TEAM_ADMIN] = "admin"};

const char *team_role_name(enum team_role r)
{
    return r >= TEAM_READ_ONLY && r <= TEAM_ADMIN ? team_roles[r] : "admin";
}

int team_role_parse(const char *name, enum team_role *out)
{
    for (int r = TEAM_READ_ONLY; name && r <= TEAM_ADMIN; r++)
        if (!strcmp(name, team_roles[r])) {
            *out = (enum team_role)r;
            return 0;
        }
    return -EINVAL;
}

void auth_hash(const char *token, unsigned char hash[32])
{
    crypto_generichash(hash, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

int auth_new_token(const char *prefix, char *token, size_t size, unsigned char hash[32])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof(raw));
    if (strlen(prefix) != 3 ||
        size < 4 + sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
        return -ENOSPC;
    memcpy(token, prefix, 3);
    sodium_bin2base64(token + 3, size - 3, raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof(raw));
    auth_hash(token, hash);
    return 0;
}

void auth_random_hex(char *out, size_t bytes)
{
    unsigned char raw[64];
    if (bytes > sizeof(raw))
        bytes = sizeof(raw);
    randombytes_buf(raw, bytes);
    sodium_bin2hex(out, bytes * 2 + 1, raw, bytes);
}

int auth_open(db *d, const char *env_token, FILE *log, struct auth **out)
{
    if (sodium_init() < 0)
        return -EIO;
    struct auth *a = calloc(1, sizeof(*a));
    if (!a)
        return -ENOMEM;
    a->db = d;
    if (env_token && *env_token) {
        a->env_admin = true;
        auth_hash(env_token, a->env_hash);
        *out = a;
        return 0;
    }
    dbc *c = db_get(d);
    int64_t have = -1;
    int rc = c ? dbc_scalar(c, &have,
                            "SELECT count(*) AS n FROM tokens "
                            "WHERE role = 'admin' AND revoked_at IS NULL",
                            "")
               : -EIO;
    if (!rc && have == 0) {
        char token[80];
        unsigned char hash[32];
        rc = auth_new_token("jd_", token, sizeof(token), hash);
        if (!rc)
            rc = dbc_run(c,
                         "INSERT INTO tokens (hash, role, name, created_at) "
                         "VALUES (?, 'admin', 'generated at first start', ?)",
                         "bi", hash, (size_t)32, db_now_ms());
        if (!rc)
            fprintf(log,
                    "judged: no JUDGE_ADMIN_TOKEN was set; generated admin token (shown once, "
                    "only its hash is stored): %s\n",
                    token);
        sodium_memzero(token, sizeof(token));
    }
    db_put(d, c);
    if (rc) {
        free(a);
        return rc;
    }
    *out = a;
    return 0;
}

void auth_close(struct auth *a)
{
    free(a);
}

int auth_lookup(struct auth *a, const char *bearer, struct principal *out)
{
    unsigned char hash[32];
    auth_hash(bearer, hash);
    if (a->env_admin && sodium_memcmp(hash, a->env_hash, 32) == 0) {
        *out = (struct principal){.role = ROLE_ADMIN, .team_role = TEAM_ADMIN};
        return 0;
    }
    dbc *c = db_get(a->db);
    dbrows *r = NULL;
    /* A member's own principal row is never a bearer token: its secret was never shown. */
    int rc = c ? dbc_query(c, &r,
                           "SELECT id, role, team_role, coalesce(team_id, 0) AS team_id "
                           "FROM tokens WHERE hash = ? AND revoked_at IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM members m WHERE m.token_id = tokens.id)",
                           "b", hash, (size_t)32)
               : -EIO;
    if (rc || (rc = dbrows_next(r)) < 0)
        goto out;
    if (rc == 1) {
        const char *role = dbrows_text(r, "role");
        enum team_role tr = TEAM_ADMIN;
        team_role_parse(dbrows_text(r, "team_role"), &tr); /* the CHECK keeps it one of them */
        *out = (struct principal){.token_id = dbrows_int(r, "id"),
                                  .team_role = !strcmp(role, "team") ? tr : TEAM_ADMIN,
                                  .team_id = dbrows_int(r, "team_id"),
                                  .role = !strcmp(role, "admin")  ? ROLE_ADMIN
                                          : !strcmp(role, "team") ? ROLE_TEAM
                                                                  : ROLE_WORKER};
        rc = 0;
        goto out;
    }
    /* An invite: a candidate of one assessment. A revoked invite is no token at all. */
    dbrows_free(r);
    r = NULL;
    rc = dbc_query(c, &r,
                   "SELECT i.id AS invite_id, i.assessment_id, coalesce(a.team_id, 0) AS team_id "
                   "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                   "WHERE i.token_hash = ? AND i.revoked_at IS NULL",
                   "b", hash, (size_t)32);
    if (rc || (rc = dbrows_next(r)) < 0)
        goto out;
    if (rc == 0) {
        rc = -ENOENT;
        goto out;
    }
    *out = (struct principal){.role = ROLE_CANDIDATE,
                              .invite_id = dbrows_int(r, "invite_id"),
                              .assessment_id = dbrows_int(r, "assessment_id"),
                              .team_id = dbrows_int(r, "team_id")};
    rc = 0;
out:
    dbrows_free(r);
    db_put(a->db, c);
    return rc;
}
