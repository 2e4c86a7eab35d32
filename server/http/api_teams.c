/* Teams and their API keys (admin only), and "who am I" for any token. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "teams.h"

#define NAME_MAX_LEN TEAM_NAME_MAX

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

static json_t *team_json(const struct team_row *t)
{
    return json_pack("{s:I, s:s, s:I}", "id", (json_int_t)t->id, "name", t->name, "created_at",
                     (json_int_t)t->created_at);
}

void api_teams_list(struct server *s, struct req *r)
{
    struct team_row *teams = NULL;
    size_t n = 0;
    int rc = teams_list(s->db, &teams, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list the teams: %s", strerror(-rc));
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, team_json(&teams[i]));
    free(teams);
    reply_json(r, 200, json_pack("{s:o}", "teams", list));
}

void api_team_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    const char *name = name_field(r, body, true);
    struct team_row t;
    int rc = name ? teams_create(s->db, name, &t) : 0;
    if (!name)
        goto out;
    if (rc == -EEXIST)
        reply_problem(r, 409, "a team named '%s' exists already", name);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot create the team: %s", strerror(-rc));
    else /* No Location: there is no GET /api/v1/teams/{id} for it to name. */
        reply_json(r, 201, team_json(&t));
out:
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

void api_team_keys_list(struct server *s, struct req *r)
{
    int64_t team;
    if (!parse_id(r, &team))
        return;
    if (!team_in_reach(r, team)) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        return;
    }
    struct team_key_row *keys = NULL;
    size_t n = 0;
    int rc = team_keys_list(s->db, team, &keys, &n);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        return;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list the keys: %s", strerror(-rc));
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(
            list, json_pack("{s:I, s:s, s:s, s:I, s:o, s:b}", "id", (json_int_t)keys[i].id, "name",
                            keys[i].name, "role", team_role_name(keys[i].role), "created_at",
                            (json_int_t)keys[i].created_at, "revoked_at",
                            keys[i].revoked_at ? json_integer(keys[i].revoked_at) : json_null(),
                            /* the key this request came with: revoking it ends the session */
                            "current", keys[i].id == r->who.token_id));
    free(keys);
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
    if (!team_in_reach(r, team)) {
        reply_problem(r, 404, "no team %lld", (long long)team);
        json_decref(body);
        return;
    }
    const char *name = name_field(r, body, false);
    char token[80];
    struct team_key_row k;
    enum team_role role = r->who.team_role ? r->who.team_role : TEAM_ADMIN;
    if (name && !api_team_role_field(r, body, "role", &role))
        goto out;
    int rc = name ? team_keys_create(s->db, team, name, role, &k, token, sizeof(token)) : 0;
    if (!name)
        goto out;
    if (rc == -ENOENT)
        reply_problem(r, 404, "no team %lld", (long long)team);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot create the key: %s", strerror(-rc));
    else
        reply_json(r, 201,
                   json_pack("{s:I, s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)k.id, "team_id",
                             (json_int_t)team, "name", k.name, "role", team_role_name(k.role),
                             "token", token, "created_at", (json_int_t)k.created_at));
out:
    json_decref(body);
}

void api_key_delete(struct server *s, struct req *r)
{
    int64_t id;
    if (!parse_id(r, &id))
        return;
    /* A team's key holder revokes their own team's keys; another team's key, or none, is
     * answered alike. */
    int64_t team = 0;
    enum team_role role = TEAM_ADMIN;
    int rc = r->who.role == ROLE_ADMIN ? 0 : team_keys_team(s->db, id, &team, &role);
    if (!rc && r->who.role != ROLE_ADMIN && !team_in_reach(r, team))
        rc = -ENOENT;
    /* Nobody undoes what a role above theirs made. */
    if (!rc && r->who.role == ROLE_TEAM && role > r->who.team_role) {
        reply_problem(r, 403, "key %lld has the %s role: revoking it needs that role",
                      (long long)id, team_role_name(role));
        return;
    }
    if (!rc)
        rc = team_keys_revoke(s->db, id);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no active key %lld", (long long)id);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot revoke the key: %s", strerror(-rc));
    else
        reply_empty(r, 204);
}

void api_me(struct server *s, struct req *r)
{
    json_t *o = json_pack("{s:s}", "role", auth_role_name(r->who.role));
    struct team_row t;
    if (r->who.role == ROLE_TEAM || r->who.role == ROLE_ADMIN)
        json_object_set_new(o, "team_role", json_string(team_role_name(r->who.team_role)));
    if (r->who.role == ROLE_TEAM) {
        json_object_set_new(o, "team_id", json_integer(r->who.team_id));
        if (teams_get(s->db, r->who.team_id, &t) == 0)
            json_object_set_new(o, "team", json_string(t.name));
    }
    if (api_me_member(s, r, o)) {
        json_decref(o);
        return;
    }
    reply_json(r, 200, o);
}
