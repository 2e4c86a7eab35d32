/* Teams and their keys: the SQL of both, behind the calls of teams.h. */
#define _GNU_SOURCE
#include "teams.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"

static void team_of(const dbrows *r, struct team_row *t)
{
    t->id = dbrows_int(r, "id");
    snprintf(t->name, sizeof(t->name), "%s", dbrows_text(r, "name"));
    t->created_at = dbrows_int(r, "created_at");
}

static void team_fill(const dbrows *r, void *e)
{
    team_of(r, e);
}

static void key_fill(const dbrows *r, void *e)
{
    struct team_key_row *k = e;
    k->id = dbrows_int(r, "id");
    snprintf(k->name, sizeof(k->name), "%s", dbrows_text(r, "name"));
    k->role = TEAM_ADMIN;
    team_role_parse(dbrows_text(r, "team_role"), &k->role);
    k->created_at = dbrows_int(r, "created_at");
    k->revoked_at = dbrows_int(r, "revoked_at");
}

int teams_list(db *d, struct team_row **out, size_t *n)
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? dbc_query(c, &r, "SELECT id, name, created_at FROM teams ORDER BY id", "") : -EIO;
    void *list = NULL;
    if (!rc && !(rc = dbrows_collect(r, sizeof(**out), team_fill, &list, n)))
        *out = list;
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int teams_create(db *d, const char *name, struct team_row *out)
{
    int64_t now = db_now_ms(), id = 0;
    dbc *c = db_get(d);
    int rc =
        c ? dbc_scalar(c, &id, "INSERT INTO teams (name, created_at) VALUES (?, ?) RETURNING id",
                       "si", name, now)
          : -EIO;
    db_put(d, c);
    if (rc)
        return rc;
    out->id = id;
    snprintf(out->name, sizeof(out->name), "%s", name);
    out->created_at = now;
    return 0;
}

int teams_get(db *d, int64_t id, struct team_row *out)
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc =
        c ? dbc_query(c, &r, "SELECT id, name, created_at FROM teams WHERE id = ?", "i", id) : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1 && out)
        team_of(r, out);
    dbrows_free(r);
    db_put(d, c);
    return rc == 1 ? 0 : rc == 0 ? -ENOENT : rc;
}

int team_keys_list(db *d, int64_t team, struct team_key_row **out, size_t *n)
{
    int rc = teams_get(d, team, NULL);
    if (rc)
        return rc;
    dbc *c = db_get(d);
    dbrows *r = NULL;
    rc = c ? dbc_query(c, &r,
                       "SELECT id, name, team_role, created_at, revoked_at FROM tokens "
                       "WHERE team_id = ? AND NOT EXISTS (SELECT 1 FROM members m WHERE "
                       "m.token_id = tokens.id) ORDER BY id",
                       "i", team)
           : -EIO;
    void *list = NULL;
    if (!rc && !(rc = dbrows_collect(r, sizeof(**out), key_fill, &list, n)))
        *out = list;
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int team_keys_create(db *d, int64_t team, const char *name, enum team_role role,
                     struct team_key_row *out, char *token, size_t size)
{
    int rc = teams_get(d, team, NULL);
    if (rc)
        return rc;
    char made[80];
    unsigned char hash[32];
    if ((rc = auth_new_token("jd_", made, sizeof(made), hash)))
        return rc;
    int64_t now = db_now_ms(), id = 0;
    dbc *c = db_get(d);
    rc = c ? dbc_scalar(c, &id,
                        "INSERT INTO tokens (hash, role, team_id, name, created_at, team_role) "
                        "VALUES (?, 'team', ?, ?, ?, ?) RETURNING id",
                        "bisis", hash, sizeof(hash), team, name, now, team_role_name(role))
           : -EIO;
    db_put(d, c);
    if (!rc) {
        *out = (struct team_key_row){.id = id, .role = role, .created_at = now};
        snprintf(out->name, sizeof(out->name), "%s", name);
        snprintf(token, size, "%s", made);
    }
    sodium_memzero(made, sizeof(made));
    return rc;
}

int team_keys_team(db *d, int64_t id, int64_t *team, enum team_role *role)
{
    dbc *c = db_get(d);
    dbrows *r = NULL;
    int rc = c ? dbc_query(c, &r,
                           "SELECT team_id, team_role FROM tokens WHERE id = ? AND role = 'team' "
                           "AND team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM members m "
                           "WHERE m.token_id = tokens.id)",
                           "i", id)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1) {
        *team = dbrows_int(r, "team_id");
        *role = TEAM_ADMIN;
        team_role_parse(dbrows_text(r, "team_role"), role);
    }
    dbrows_free(r);
    db_put(d, c);
    return rc == 1 ? 0 : rc == 0 ? -ENOENT : rc;
}

int team_keys_revoke(db *d, int64_t id)
{
    dbc *c = db_get(d);
    int rc = c ? dbc_run(c, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                         "ii", db_now_ms(), id)
               : -EIO;
    if (!rc && dbc_changes(c) == 0)
        rc = -ENOENT;
    db_put(d, c);
    return rc;
}
