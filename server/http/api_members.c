/*
 * A team's members (list, add, change, remove, login links) and the shared field checks of
 * roles; who a request is (GET /api/v1/me's member part). Who may call each route is the route
 * table's (the members routes are for team admins); here, only which team a request may reach:
 * its own (the instance admin: every one). Another team's members are as absent as missing ones.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "logins.h"
#include "mail.h"
#include "members.h"
#include "teams.h"

/* The team of the path (first parameter) when the caller may reach it; replies 404 if not. */
static bool team_param(struct req *r, int64_t *team)
{
    char *end;
    long long v = strtoll(r->params[0], &end, 10);
    if (*end || v < 1 || (r->who.role != ROLE_ADMIN && r->who.team_id != v)) {
        reply_problem(r, 404, "no team '%.64s'", r->params[0]);
        return false;
    }
    *team = v;
    return true;
}

static bool member_param(struct req *r, int64_t *id)
{
    char *end;
    long long v = strtoll(r->params[1], &end, 10);
    if (*end || v < 1) {
        reply_problem(r, 404, "no member '%.64s'", r->params[1]);
        return false;
    }
    *id = v;
    return true;
}

bool api_team_role_field(struct req *r, json_t *body, const char *field, enum team_role *role)
{
    json_t *v = json_object_get(body, field);
    if (!v)
        return true;
    enum team_role want;
    if (team_role_parse(json_string_value(v), &want)) {
        json_t *e = json_array();
        api_field_error(e, field, "must be one of admin, recruiter, reviewer, read-only");
        reply_problem_errors(r, 422, e, "invalid field");
        return false;
    }
    /* Nobody hands out more than they hold. */
    if (r->who.role == ROLE_TEAM && want > r->who.team_role) {
        reply_problem(r, 403, "a %s cannot give the %s role (at most their own: %s)",
                      team_role_name(r->who.team_role), team_role_name(want),
                      team_role_name(r->who.team_role));
        return false;
    }
    *role = want;
    return true;
}

static json_t *member_json(const struct member_row *m)
{
    return json_pack("{s:I, s:I, s:s, s:s, s:s, s:b, s:I, s:b, s:o}", "id", (json_int_t)m->id,
                     "team_id", (json_int_t)m->team_id, "email", m->email, "name", m->name, "role",
                     team_role_name(m->role), "has_password", m->has_password, "created_at",
                     (json_int_t)m->created_at, "disabled", m->disabled_at != 0, "disabled_at",
                     m->disabled_at ? json_integer(m->disabled_at) : json_null());
}

int api_me_member(struct server *s, struct req *r, json_t *me)
{
    if (!r->who.member_id)
        return 0;
    struct member_row m;
    int rc = members_get(s->db, r->who.team_id, r->who.member_id, &m);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the member: %s", strerror(-rc));
        return rc;
    }
    json_object_set_new(me, "member", member_json(&m));
    if (r->who.login_id) {
        char csrf[LOGIN_CSRF_MAX];
        logins_csrf(r->session, csrf);
        json_object_set_new(me, "csrf_token", json_string(csrf));
    }
    return 0;
}

/* The "password" field (optional): its hash into `hash`, or "" when absent. False after
 * replying. */
static bool password_field(struct server *s, struct req *r, json_t *body, const char *field,
                           char hash[PASSWORD_HASH_MAX])
{
    (void)s;
    hash[0] = '\0';
    json_t *v = json_object_get(body, field);
    if (!v || json_is_null(v))
        return true;
    const char *pw = json_string_value(v), *why = "must be a string";
    int rc = pw ? password_check(pw, &why) : -EINVAL;
    if (!rc)
        rc = password_hash(pw, hash);
    if (rc == -EINVAL) {
        json_t *e = json_array();
        api_field_error(e, field, "%s", why);
        reply_problem_errors(r, 422, e,
                             "the password %s (at least %d characters, at most %d bytes)", why,
                             PASSWORD_MIN, PASSWORD_MAX);
        return false;
    }
    if (rc == -EAGAIN) {
        http_header(r, "Retry-After", "5");
        reply_problem(r, 503, "every password hashing slot is busy; retry in a few seconds");
        return false;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot hash the password: %s", strerror(-rc));
        return false;
    }
    return true;
}

/*
 * A new login link of member `id` as JSON {token, link, expires_at, mailed}, mailed to the member
 * too when mail is on; NULL after replying.
 */
static json_t *link_json(struct server *s, struct req *r, int64_t team, int64_t id)
{
    char token[LOGIN_TOKEN_MAX];
    int64_t expires = 0, link_id = 0;
    int rc = login_links_create(s->db, team, id, token, &expires, &link_id);
    if (!rc && mail_enabled(s))
        rc = mail_queue_login_link(s, link_id, token);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no active member %lld in team %lld", (long long)id, (long long)team);
        return NULL;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot make a login link: %s", strerror(-rc));
        return NULL;
    }
    char link[LOGIN_TOKEN_MAX + 32];
    snprintf(link, sizeof(link), "/team/login#%s", token);
    return json_pack("{s:s, s:s, s:I, s:b, s:s}", "token", token, "link", link, "expires_at",
                     (json_int_t)expires, "mailed", mail_enabled(s), "note",
                     "shown once: signs in once, within 30 minutes");
}

void api_members_list(struct server *s, struct req *r)
{
    int64_t team;
    if (!team_param(r, &team))
        return;
    struct member_row *list = NULL;
    size_t n = 0;
    int rc = members_list(s->db, team, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list the members%s",
                      rc == -ENOENT ? ": no such team" : "");
        return;
    }
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, member_json(&list[i]));
    free(list);
    reply_json(r, 200, json_pack("{s:o}", "members", a));
}

void api_member_post(struct server *s, struct req *r)
{
    int64_t team;
    if (!team_param(r, &team))
        return;
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    const char *email_in = json_string_value(json_object_get(body, "email"));
    const char *name = json_string_value(json_object_get(body, "name"));
    char email[MEMBER_EMAIL_MAX + 1], hash[PASSWORD_HASH_MAX] = "";
    json_t *want_link = json_object_get(body, "login_link");
    enum team_role role = 0;
    if (!email_in || members_email_normalise(email_in, email))
        api_field_error(errors, "email", "must be an e-mail address of at most %d bytes",
                        MEMBER_EMAIL_MAX);
    if (!name || !*name || strlen(name) > MEMBER_NAME_MAX)
        api_field_error(errors, "name", "must be a string of 1 to %d characters", MEMBER_NAME_MAX);
    if (!json_object_get(body, "role"))
        api_field_error(errors, "role", "is required: admin, recruiter, reviewer or read-only");
    if (want_link && !json_is_boolean(want_link))
        api_field_error(errors, "login_link", "must be a boolean");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid fields");
        errors = NULL;
        goto out;
    }
    if (!api_team_role_field(r, body, "role", &role) ||
        !password_field(s, r, body, "password", hash))
        goto out;
    struct member_row m;
    int rc = members_add(s->db, team, email, name, role, hash[0] ? hash : NULL, &m);
    if (rc == -EEXIST) {
        reply_problem(r, 409, "'%s' is a member already (of this team or another)", email);
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot add the member%s",
                      rc == -ENOENT ? ": no such team" : "");
        goto out;
    }
    json_t *o = member_json(&m);
    if (json_is_true(want_link)) {
        json_t *l = link_json(s, r, team, m.id);
        if (!l) {
            json_decref(o);
            goto out;
        }
        json_object_set_new(o, "login_link", l);
    }
    r->audit_detail = json_pack("{s:s, s:s}", "email", email, "role", team_role_name(role));
    snprintf(r->audit_target, sizeof(r->audit_target), "%lld", (long long)m.id);
    reply_json(r, 201, o);
out:
    json_decref(errors);
    json_decref(body);
}

void api_member_patch(struct server *s, struct req *r)
{
    int64_t team, id;
    if (!team_param(r, &team) || !member_param(r, &id))
        return;
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array(), *jn = json_object_get(body, "name"),
           *jd = json_object_get(body, "disabled");
    char hash[PASSWORD_HASH_MAX] = "";
    struct member_change ch = {.disabled = -1};
    if (jn && (!json_is_string(jn) || !*json_string_value(jn) ||
               strlen(json_string_value(jn)) > MEMBER_NAME_MAX))
        api_field_error(errors, "name", "must be a string of 1 to %d characters", MEMBER_NAME_MAX);
    if (jd && !json_is_boolean(jd))
        api_field_error(errors, "disabled", "must be a boolean");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid fields");
        errors = NULL;
        goto out;
    }
    ch.name = jn ? json_string_value(jn) : NULL;
    ch.disabled = jd ? json_is_true(jd) : -1;
    if (!api_team_role_field(r, body, "role", &ch.role) ||
        !password_field(s, r, body, "password", hash))
        goto out;
    ch.password_hash = hash[0] ? hash : NULL;
    struct member_row m;
    int rc = members_update(s->db, team, id, &ch, &m);
    if (rc == -EALREADY) {
        reply_problem(r, 409,
                      "member %lld is the team's last active admin: make another member admin "
                      "first",
                      (long long)id);
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "%s member %lld in team %lld",
                      rc == -ENOENT ? "no" : "cannot change", (long long)id, (long long)team);
        goto out;
    }
    r->audit_detail = json_pack("{s:s, s:b, s:b}", "role", team_role_name(m.role), "disabled",
                                m.disabled_at != 0, "password_changed", ch.password_hash != NULL);
    reply_json(r, 200, member_json(&m));
out:
    json_decref(errors);
    json_decref(body);
}

void api_member_delete(struct server *s, struct req *r)
{
    int64_t team, id;
    if (!team_param(r, &team) || !member_param(r, &id))
        return;
    int rc = members_remove(s->db, team, id);
    if (rc == -EALREADY)
        reply_problem(r, 409,
                      "member %lld is the team's last active admin: make another member admin "
                      "first",
                      (long long)id);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "%s member %lld in team %lld",
                      rc == -ENOENT ? "no" : "cannot remove", (long long)id, (long long)team);
    else
        reply_empty(r, 204);
}

void api_member_login_link(struct server *s, struct req *r)
{
    int64_t team, id;
    if (!team_param(r, &team) || !member_param(r, &id))
        return;
    json_t *l = link_json(s, r, team, id);
    if (!l)
        return;
    r->audit_detail = json_pack("{s:I}", "member_id", (json_int_t)id);
    reply_json(r, 201, l);
}
