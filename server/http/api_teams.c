/*
 * Teams (admin only), their API keys (the admin, or the team's own key holders for their team),
 * and "who am I" for any token.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

#define NAME_MAX_LEN 100

static bool parse_id(struct req *r, int64_t *id)
{
    char *end;
    long long v = strtoll(r->params[0], &end, 10);
    if (*end || v < 1) {
        reply_problem(r, 404, "no such id '%.64s'", r->params[0]);
        return false;
    }
    *id = v;
    return true;
}

/* The optional or required "name" field: a non-empty string of at most 100 characters. */
static const char *name_field(struct req *r, json_t *body, bool required)
{
    json_t *n = json_object_get(body, "name");
    const char *name = json_string_value(n);
    json_t *e = json_array();
    if (!n && required)
        api_field_error(e, "name", "is required");
    else if (n && !name)
        api_field_error(e, "name", "must be a string");
    else if (name && (!*name || strlen(name) > NAME_MAX_LEN))
        api_field_error(e, "name", "must have 1 to %d characters", NAME_MAX_LEN);
    if (json_array_size(e)) {
        reply_problem_errors(r, 422, e, "invalid field");
        return NULL;
    }
    json_decref(e);
    return name ? name : "";
}

void api_teams_list(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c, "SELECT id, name, created_at FROM teams ORDER BY id", "");
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(list, json_pack("{s:I, s:s, s:I}", "id",
                                              (json_int_t)sqlite3_column_int64(st, 0), "name",
                                              sqlite3_column_text(st, 1), "created_at",
                                              (json_int_t)sqlite3_column_int64(st, 2)));
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "teams", list));
}

void api_team_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *name = name_field(r, body, true);
    if (!name) {
        json_decref(body);
        return;
    }
    sqlite3 *c = db_acquire(s->db);
    int64_t now = db_now_ms();
    int rc = db_exec(c, "INSERT INTO teams (name, created_at) VALUES (?, ?)", "si", name, now);
    int64_t id = sqlite3_last_insert_rowid(c);
    db_release(s->db, c);
    if (rc == SQLITE_CONSTRAINT)
        reply_problem(r, 409, "a team named '%s' exists already", name);
    else if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot create the team");
    else {
        /* No Location: there is no GET /api/v1/teams/{id} for it to name. */
        reply_json(r, 201,
                   json_pack("{s:I, s:s, s:I}", "id", (json_int_t)id, "name", name, "created_at",
                             (json_int_t)now));
    }
    json_decref(body);
}

/*
 * May the caller manage team `team`'s keys? The admin may manage every team's; a team's key
 * holders manage their own team's (a team's keys are its administrators: there are no roles
 * within a team yet). Another team's is answered as absent.
 */
static bool team_in_reach(const struct req *r, int64_t team)
{
    return r->who.role == ROLE_ADMIN || (r->who.role == ROLE_TEAM && r->who.team_id == team);
}

static bool team_exists(struct server *s, int64_t id)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c, "SELECT 1 FROM teams WHERE id = ?", "i", id);
    bool ok = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    db_release(s->db, c);
    return ok;
}

void api_team_keys_list(struct server *s, struct req *r)
{
    int64_t team;
    if (!parse_id(r, &team))
        return;
    if (!team_in_reach(r, team) || !team_exists(s, team)) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        return;
    }
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, name, created_at, revoked_at FROM tokens "
                                  "WHERE team_id = ? ORDER BY id",
                                  "i", team);
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(
            list,
            json_pack("{s:I, s:s, s:I, s:o, s:b}", "id", (json_int_t)sqlite3_column_int64(st, 0),
                      "name", sqlite3_column_text(st, 1), "created_at",
                      (json_int_t)sqlite3_column_int64(st, 2), "revoked_at",
                      sqlite3_column_type(st, 3) == SQLITE_NULL
                          ? json_null()
                          : json_integer(sqlite3_column_int64(st, 3)),
                      /* the key this request came with: revoking it ends the session */
                      "current", sqlite3_column_int64(st, 0) == r->who.token_id));
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "keys", list));
}

void api_team_key_post(struct server *s, struct req *r)
{
    int64_t team;
    if (!parse_id(r, &team))
        return;
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *name = name_field(r, body, false);
    if (!name) {
        json_decref(body);
        return;
    }
    if (!team_in_reach(r, team) || !team_exists(s, team)) {
        json_decref(body);
        reply_problem(r, 404, "no team %lld", (long long)team);
        return;
    }
    char token[80];
    unsigned char hash[32];
    auth_new_token("jd_", token, sizeof(token), hash);
    sqlite3 *c = db_acquire(s->db);
    int64_t now = db_now_ms();
    int rc = db_exec(c,
                     "INSERT INTO tokens (hash, role, team_id, name, created_at) "
                     "VALUES (?, 'team', ?, ?, ?)",
                     "bisi", hash, 32, team, name, now);
    int64_t id = sqlite3_last_insert_rowid(c);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot create the key");
    else
        reply_json(r, 201,
                   json_pack("{s:I, s:I, s:s, s:s, s:I}", "id", (json_int_t)id, "team_id",
                             (json_int_t)team, "name", name, "token", token, "created_at",
                             (json_int_t)now));
    json_decref(body);
}

void api_key_delete(struct server *s, struct req *r)
{
    int64_t id;
    if (!parse_id(r, &id))
        return;
    sqlite3 *c = db_acquire(s->db);
    int64_t team = 0;
    if (r->who.role != ROLE_ADMIN && (auth_key_team(c, id, &team) || !team_in_reach(r, team))) {
        /* Another team's key, or none: answered alike. */
        db_release(s->db, c);
        reply_problem(r, 404, "no active key %lld", (long long)id);
        return;
    }
    int rc = db_exec(c, "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                     "ii", db_now_ms(), id);
    int changed = sqlite3_changes(c);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot revoke the key");
    else if (!changed)
        reply_problem(r, 404, "no active key %lld", (long long)id);
    else
        reply_empty(r, 204);
}

void api_me(struct server *s, struct req *r)
{
    json_t *o = json_pack("{s:s}", "role", auth_role_name(r->who.role));
    if (r->who.role == ROLE_TEAM) {
        json_object_set_new(o, "team_id", json_integer(r->who.team_id));
        sqlite3 *c = db_acquire(s->db);
        sqlite3_stmt *st =
            db_prepare(c, "SELECT name FROM teams WHERE id = ?", "i", r->who.team_id);
        if (st && sqlite3_step(st) == SQLITE_ROW)
            json_object_set_new(o, "team", json_string((const char *)sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        db_release(s->db, c);
    }
    reply_json(r, 200, o);
}
