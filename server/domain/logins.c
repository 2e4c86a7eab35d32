/* Sessions and login links: their SQL and their tokens (logins.h). */
#define _GNU_SOURCE
#include "logins.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define SEEN_EVERY_MS 60000 /* the idle clock is written at most this often: not once a request */

/* A fresh token: "js_" (session) or "jl_" (link) and 43 base64url characters; its hash. */
static int new_token(const char *prefix, char token[LOGIN_TOKEN_MAX], unsigned char hash[32])
{
    return auth_new_token(prefix, token, LOGIN_TOKEN_MAX, hash);
}

int logins_create(db *d, const struct member_row *m, const char *client,
                  char token[LOGIN_TOKEN_MAX], struct principal *who, int64_t *expires_at)
{
    char made[LOGIN_TOKEN_MAX];
    unsigned char hash[32];
    int64_t now = db_now_ms(), id = 0, ends = now + LOGIN_MAX_MS;
    int rc = new_token("js_", made, hash);
    if (rc)
        return rc;
    dbc *c = db_get(d);
    /* The member's sessions that ended by time go now: nothing else sweeps them. */
    rc = c ? dbc_run(c,
                     "DELETE FROM logins WHERE member_id = ? AND (expires_at <= ? OR seen_at <= ?)",
                     "iii", m->id, now, now - LOGIN_IDLE_MS)
           : -EIO;
    if (!rc)
        rc = dbc_scalar(c, &id,
                        "INSERT INTO logins (member_id, token_hash, created_at, seen_at, "
                        "expires_at, client) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                        "ibiiis", m->id, hash, sizeof(hash), now, now, ends, client ? client : "");
    db_put(d, c);
    if (!rc) {
        memcpy(token, made, LOGIN_TOKEN_MAX);
        *who = members_principal(m, id);
        *expires_at = ends;
    }
    sodium_memzero(made, sizeof(made));
    return rc;
}

int logins_lookup(db *d, const char *token, struct principal *out)
{
    unsigned char hash[32];
    auth_hash(token, hash);
    int64_t now = db_now_ms();
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? dbc_query(c, &r,
                           "SELECT id, member_id, seen_at FROM logins WHERE token_hash = ? AND "
                           "expires_at > ? AND seen_at > ?",
                           "bii", hash, sizeof(hash), now, now - LOGIN_IDLE_MS)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    int64_t id = dbrows_int(r, "id"), member = dbrows_int(r, "member_id"),
            seen = dbrows_int(r, "seen_at");
    if (now - seen >= SEEN_EVERY_MS)
        rc = dbc_run(c, "UPDATE logins SET seen_at = ? WHERE id = ?", "ii", now, id);
    else
        rc = 0;
    dbrows_free(r);
    r = NULL;
    db_put(d, c);
    c = NULL;
    struct member_row m;
    if (!rc)
        rc = members_get_active(d, member, &m);
    if (!rc)
        *out = members_principal(&m, id);
out:
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int logins_end(db *d, int64_t login_id)
{
    dbc *c = db_get(d);
    int rc = c ? dbc_run(c, "DELETE FROM logins WHERE id = ?", "i", login_id) : -EIO;
    db_put(d, c);
    return rc;
}

void logins_csrf(const char *token, char out[LOGIN_CSRF_MAX])
{
    static const unsigned char key[] = "judged csrf token v1, from the session token";
    unsigned char mac[32];
    crypto_generichash(mac, sizeof(mac), (const unsigned char *)token, strlen(token), key,
                       sizeof(key) - 1);
    sodium_bin2base64(out, LOGIN_CSRF_MAX, mac, sizeof(mac),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool logins_csrf_ok(const char *token, const char *presented)
{
    char want[LOGIN_CSRF_MAX];
    logins_csrf(token, want);
    size_t n = strlen(want);
    return presented && strlen(presented) == n && sodium_memcmp(want, presented, n) == 0;
}

int login_links_create(db *d, int64_t team, int64_t member, char token[LOGIN_TOKEN_MAX],
                       int64_t *expires_at, int64_t *link_id)
{
    struct member_row m;
    char made[LOGIN_TOKEN_MAX];
    unsigned char hash[32];
    int64_t now = db_now_ms(), id = 0;
    int rc = members_get(d, team, member, &m);
    if (!rc && m.disabled_at)
        rc = -ENOENT;
    if (!rc)
        rc = new_token("jl_", made, hash);
    if (rc)
        return rc;
    dbc *c = db_get(d);
    rc = c ? dbc_run(c, "DELETE FROM login_links WHERE member_id = ? AND expires_at <= ?", "ii",
                     member, now)
           : -EIO;
    if (!rc)
        rc = dbc_scalar(c, &id,
                        "INSERT INTO login_links (member_id, token_hash, created_at, expires_at) "
                        "VALUES (?, ?, ?, ?) RETURNING id",
                        "ibii", member, hash, sizeof(hash), now, now + LOGIN_LINK_MS);
    db_put(d, c);
    if (!rc) {
        memcpy(token, made, LOGIN_TOKEN_MAX);
        *expires_at = now + LOGIN_LINK_MS;
        if (link_id)
            *link_id = id;
    }
    sodium_memzero(made, sizeof(made));
    return rc;
}

int login_links_redeem(db *d, const char *token, struct member_row *out)
{
    unsigned char hash[32];
    auth_hash(token, hash);
    int64_t now = db_now_ms(), member = 0;
    dbc *c = db_get(d);
    /* One statement marks it used: of two redeemers at once, one gets the row. */
    int rc = c ? dbc_scalar(c, &member,
                            "UPDATE login_links SET used_at = ? WHERE token_hash = ? AND "
                            "used_at IS NULL AND expires_at > ? RETURNING member_id",
                            "ibi", now, hash, sizeof(hash), now)
               : -EIO;
    db_put(d, c);
    if (!rc)
        rc = members_get_active(d, member, out);
    return rc;
}
