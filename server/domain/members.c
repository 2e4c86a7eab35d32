/* Members of teams: their SQL, behind the calls of members.h. */
#define _GNU_SOURCE
#include "members.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MEMBER_COLUMNS                                                                             \
    "id, team_id, token_id, email, name, role, "                                                   \
    "CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password, created_at, "              \
    "coalesce(disabled_at, 0) AS disabled_at"

static void member_of(const dbrows *r, struct member_row *m)
{
    *m = (struct member_row){.id = dbrows_int(r, "id"),
                             .team_id = dbrows_int(r, "team_id"),
                             .token_id = dbrows_int(r, "token_id"),
                             .role = TEAM_READ_ONLY,
                             .has_password = dbrows_int(r, "has_password") != 0,
                             .created_at = dbrows_int(r, "created_at"),
                             .disabled_at = dbrows_int(r, "disabled_at")};
    snprintf(m->email, sizeof(m->email), "%s", dbrows_text(r, "email"));
    snprintf(m->name, sizeof(m->name), "%s", dbrows_text(r, "name"));
    team_role_parse(dbrows_text(r, "role"), &m->role); /* the CHECK keeps it one of them */
}

int members_email_normalise(const char *in, char out[MEMBER_EMAIL_MAX + 1])
{
    size_t len = in ? strlen(in) : 0;
    if (!len || len > MEMBER_EMAIL_MAX)
        return -EINVAL;
    const char *at = strchr(in, '@');
    if (!at || at == in || strchr(at + 1, '@') || !at[1])
        return -EINVAL;
    const char *dot = strrchr(at + 1, '.');
    if (!dot || dot == at + 1 || !dot[1] || strstr(at + 1, ".."))
        return -EINVAL;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)in[i];
        if (ch <= 0x20 || ch == 0x7f || strchr("<>()[],;:\\\"", ch))
            return -EINVAL;
        out[i] = ch < 0x80 && ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : (char)ch;
    }
    out[len] = '\0';
    return 0;
}

static int read_one(dbc *c, struct member_row *out, const char *sql, const char *fmt, int64_t a,
                    int64_t b)
{
    dbrows *r = NULL;
    int rc = dbc_query(c, &r, sql, fmt, a, b);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1 && out)
        member_of(r, out);
    dbrows_free(r);
    return rc == 1 ? 0 : rc == 0 ? -ENOENT : rc;
}

static int team_exists(dbc *c, int64_t team)
{
    int64_t n = 0;
    int rc = dbc_scalar(c, &n, "SELECT count(*) AS n FROM teams WHERE id = ?", "i", team);
    return rc ? rc : n ? 0 : -ENOENT;
}

static void member_fill(const dbrows *r, void *e)
{
    member_of(r, e);
}

int members_list(db *d, int64_t team, struct member_row **out, size_t *n)
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? team_exists(c, team) : -EIO;
    if (!rc)
        rc = dbc_query(c, &r,
                       "SELECT " MEMBER_COLUMNS " FROM members "
                       "WHERE team_id = ? AND removed_at IS NULL ORDER BY id",
                       "i", team);
    void *list = NULL;
    if (!rc && !(rc = dbrows_collect(r, sizeof(**out), member_fill, &list, n)))
        *out = list;
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int members_get(db *d, int64_t team, int64_t id, struct member_row *out)
{
    dbc *c = db_get(d);
    int rc = c ? read_one(c, out,
                          "SELECT " MEMBER_COLUMNS " FROM members "
                          "WHERE team_id = ? AND id = ? AND removed_at IS NULL",
                          "ii", team, id)
               : -EIO;
    db_put(d, c);
    return rc;
}

int members_add(db *d, int64_t team, const char *email, const char *name, enum team_role role,
                const char *password_hash, struct member_row *out)
{
    /* The member's principal: a hash of 32 random bytes nobody is ever shown. */
    unsigned char secret[32], hash[32];
    randombytes_buf(secret, sizeof(secret));
    crypto_generichash(hash, sizeof(hash), secret, sizeof(secret), NULL, 0);
    sodium_memzero(secret, sizeof(secret));
    int64_t now = db_now_ms(), token = 0, id = 0;
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = team_exists(c, team);
    if (!rc)
        rc = dbc_scalar(c, &token,
                        "INSERT INTO tokens (hash, role, team_id, name, created_at, team_role) "
                        "VALUES (?, 'team', ?, ?, ?, ?) RETURNING id",
                        "bisis", hash, sizeof(hash), team, name, now, team_role_name(role));
    if (!rc)
        rc = dbc_scalar(c, &id,
                        "INSERT INTO members (team_id, token_id, email, name, role, "
                        "password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        "iissssi", team, token, email, name, team_role_name(role), password_hash,
                        now);
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        dbc_rollback(c);
    db_put(d, c);
    if (rc)
        return rc;
    *out = (struct member_row){.id = id,
                               .team_id = team,
                               .token_id = token,
                               .role = role,
                               .has_password = password_hash != NULL,
                               .created_at = now};
    snprintf(out->email, sizeof(out->email), "%s", email);
    snprintf(out->name, sizeof(out->name), "%s", name);
    return 0;
}

/*
 * In a transaction: team `team`'s member `id` into *m, the team's row locked on PostgreSQL (two
 * changes of its admins at once are one after the other, so the last admin cannot be lost to a
 * race; SQLite's BEGIN IMMEDIATE has one writer at a time already), and the number of its
 * other active admins into *others.
 */
static int lock_member(dbc *c, int64_t team, int64_t id, struct member_row *m, int64_t *others)
{
    int64_t t = 0;
    int rc = dbc_scalar(c, &t,
                        DB_SQL(c, "SELECT id FROM teams WHERE id = ?",
                               "SELECT id FROM teams WHERE id = ? FOR UPDATE"),
                        "i", team);
    if (!rc)
        rc = read_one(c, m,
                      "SELECT " MEMBER_COLUMNS " FROM members "
                      "WHERE team_id = ? AND id = ? AND removed_at IS NULL",
                      "ii", team, id);
    if (!rc)
        rc = dbc_scalar(c, others,
                        "SELECT count(*) AS n FROM members WHERE team_id = ? AND id <> ? AND "
                        "role = 'admin' AND removed_at IS NULL AND disabled_at IS NULL",
                        "ii", team, id);
    return rc;
}

/* Ends member `id`'s sessions but `keep` (0: all) and its unused links. */
static int end_sessions(dbc *c, int64_t id, int64_t keep)
{
    int rc = dbc_run(c, "DELETE FROM logins WHERE member_id = ? AND id <> ?", "ii", id, keep);
    if (!rc)
        rc = dbc_run(c, "DELETE FROM login_links WHERE member_id = ? AND used_at IS NULL", "i", id);
    return rc;
}

int members_update(db *d, int64_t team, int64_t id, const struct member_change *ch,
                   struct member_row *out)
{
    struct member_row m;
    int64_t others = 0, now = db_now_ms();
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = lock_member(c, team, id, &m, &others);
    if (rc)
        goto out;
    enum team_role role = ch->role ? ch->role : m.role;
    bool disabled = ch->disabled < 0 ? m.disabled_at != 0 : ch->disabled == 1;
    /* An active admin stays one unless another is left. */
    if (m.role == TEAM_ADMIN && !m.disabled_at && (role != TEAM_ADMIN || disabled) && !others) {
        rc = -EALREADY;
        goto out;
    }
    /* disabled_at says since when, or is NULL: disabling again keeps the first time. */
    rc = dbc_run(c,
                 "UPDATE members SET role = ?, name = ?, password_hash = coalesce(?, "
                 "password_hash), disabled_at = CASE WHEN ? = 1 THEN coalesce(disabled_at, ?) "
                 "ELSE NULL END WHERE id = ?",
                 "sssiii", team_role_name(role), ch->name ? ch->name : m.name, ch->password_hash,
                 (int64_t)disabled, now, id);
    /* The principal's name is what reviews show as their author. */
    if (!rc)
        rc = dbc_run(c, "UPDATE tokens SET name = ?, team_role = ? WHERE id = ?", "ssi",
                     ch->name ? ch->name : m.name, team_role_name(role), m.token_id);
    if (!rc && disabled)
        rc = end_sessions(c, id, 0);
    else if (!rc && ch->password_hash)
        rc = end_sessions(c, id, ch->keep_login);
    if (!rc && out)
        rc = read_one(c, out, "SELECT " MEMBER_COLUMNS " FROM members WHERE team_id = ? AND id = ?",
                      "ii", team, id);
    if (!rc)
        rc = dbc_commit(c);
out:
    if (rc)
        dbc_rollback(c);
    db_put(d, c);
    return rc;
}

int members_remove(db *d, int64_t team, int64_t id)
{
    struct member_row m;
    int64_t others = 0, now = db_now_ms();
    dbc *c = db_get(d);
    int rc = c ? dbc_begin(c) : -EIO;
    if (!rc)
        rc = lock_member(c, team, id, &m, &others);
    if (!rc && m.role == TEAM_ADMIN && !m.disabled_at && !others)
        rc = -EALREADY;
    if (!rc)
        rc = dbc_run(c, "UPDATE members SET removed_at = ?, password_hash = NULL WHERE id = ?",
                     "ii", now, id);
    if (!rc)
        rc = end_sessions(c, id, 0);
    if (!rc)
        rc = dbc_run(c, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                     "ii", now, m.token_id);
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        dbc_rollback(c);
    db_put(d, c);
    return rc;
}

int members_for_login(db *d, const char *email, struct member_row *out,
                      char hash[PASSWORD_HASH_MAX])
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? dbc_query(c, &r,
                           "SELECT " MEMBER_COLUMNS ", coalesce(password_hash, '') AS pw "
                           "FROM members WHERE email = ? AND removed_at IS NULL "
                           "AND disabled_at IS NULL",
                           "s", email)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1) {
        member_of(r, out);
        snprintf(hash, PASSWORD_HASH_MAX, "%s", dbrows_text(r, "pw"));
    }
    dbrows_free(r);
    db_put(d, c);
    return rc == 1 ? 0 : rc == 0 ? -ENOENT : rc;
}

int members_get_active(db *d, int64_t id, struct member_row *out)
{
    dbc *c = db_get(d);
    int rc = c ? read_one(c, out,
                          "SELECT " MEMBER_COLUMNS " FROM members WHERE id = ? AND "
                          "removed_at IS NULL AND disabled_at IS NULL",
                          "i", id, (int64_t)0)
               : -EIO;
    db_put(d, c);
    return rc;
}

int members_rehash(db *d, int64_t id, const char *hash)
{
    dbc *c = db_get(d);
    int rc =
        c ? dbc_run(c, "UPDATE members SET password_hash = ? WHERE id = ?", "si", hash, id) : -EIO;
    db_put(d, c);
    return rc;
}

struct principal members_principal(const struct member_row *m, int64_t login_id)
{
    return (struct principal){.role = ROLE_TEAM,
                              .team_role = m->role,
                              .team_id = m->team_id,
                              .token_id = m->token_id,
                              .member_id = m->id,
                              .login_id = login_id};
}
