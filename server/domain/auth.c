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
    sqlite3 *c = db_acquire(d);
    sqlite3_stmt *st = db_prepare(
        c, "SELECT count(*) FROM tokens WHERE role = 'admin' AND revoked_at IS NULL", "");
    int have = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    int rc = have < 0 ? -EIO : 0;
    if (have == 0) {
        char token[80];
        unsigned char hash[32];
        rc = auth_new_token("jd_", token, sizeof(token), hash);
        if (!rc && db_exec(c,
                           "INSERT INTO tokens (hash, role, name, created_at) "
                           "VALUES (?, 'admin', 'generated at first start', ?)",
                           "bi", hash, 32, db_now_ms()) != SQLITE_OK)
            rc = -EIO;
        if (!rc)
            fprintf(log,
                    "judged: no JUDGE_ADMIN_TOKEN was set; generated admin token (shown once, "
                    "only its hash is stored): %s\n",
                    token);
        sodium_memzero(token, sizeof(token));
    }
    db_release(d, c);
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
        *out = (struct principal){.role = ROLE_ADMIN};
        return 0;
    }
    sqlite3 *c = db_acquire(a->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, role, coalesce(team_id, 0) FROM tokens "
                                  "WHERE hash = ? AND revoked_at IS NULL",
                                  "b", hash, 32);
    int rc = -ENOENT;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        const char *role = (const char *)sqlite3_column_text(st, 1);
        out->token_id = sqlite3_column_int64(st, 0);
        out->team_id = sqlite3_column_int64(st, 2);
        out->role = !strcmp(role, "admin")  ? ROLE_ADMIN
                    : !strcmp(role, "team") ? ROLE_TEAM
                                            : ROLE_WORKER;
        rc = 0;
    }
    sqlite3_finalize(st);
    if (rc) {
        /* An invite: a candidate of one assessment. A revoked invite is no token at all. */
        st = db_prepare(c,
                        "SELECT i.id, i.assessment_id, coalesce(a.team_id, 0) FROM invites i "
                        "JOIN assessments a ON a.id = i.assessment_id "
                        "WHERE i.token_hash = ? AND i.revoked_at IS NULL",
                        "b", hash, 32);
        if (st && sqlite3_step(st) == SQLITE_ROW) {
            *out = (struct principal){.role = ROLE_CANDIDATE,
                                      .invite_id = sqlite3_column_int64(st, 0),
                                      .assessment_id = sqlite3_column_int64(st, 1),
                                      .team_id = sqlite3_column_int64(st, 2)};
            rc = 0;
        }
        sqlite3_finalize(st);
    }
    db_release(a->db, c);
    return rc;
}

int auth_key_team(sqlite3 *c, int64_t key_id, int64_t *team)
{
    sqlite3_stmt *st = db_prepare(
        c, "SELECT team_id FROM tokens WHERE id = ? AND role = 'team' AND team_id IS NOT NULL", "i",
        key_id);
    if (!st)
        return -EIO;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *team = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? -ENOENT : -EIO;
}
