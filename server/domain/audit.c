/*
 * The audit log. Actions are recorded by the router (http.c) for every route whose table entry
 * names an audit action, once the handler answered with a 2xx: the handlers cannot forget one,
 * and a refused request changed nothing worth recording. A handler adds what changed in
 * req.audit_detail. Rows are never updated (a trigger refuses it) and no route changes them.
 */
#define _GNU_SOURCE
#include "audit.h"

#include <errno.h>
#include <stdlib.h>

int audit_record(dbc *c, const struct principal *who, const char *action, const char *method,
                 const char *path, unsigned status, const char *target_id, const json_t *detail)
{
    if (who->role != ROLE_TEAM && who->role != ROLE_ADMIN)
        return -EINVAL;
    char *d = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    /* Who, in words: the member's e-mail, the key's name, or the admin. */
    int rc =
        dbc_run(c,
                "INSERT INTO audit_log (team_id, token_id, role, action, method, path, "
                "status, target_id, detail, at, member_id, team_role, who) VALUES (?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce((SELECT email FROM members WHERE id = ?), "
                "(SELECT CASE WHEN name = '' THEN 'key ' || CAST(id AS TEXT) ELSE 'key ' || "
                "name END FROM tokens WHERE id = ? AND role = 'team'), 'admin'))",
                "iissssissiisii", who->role == ROLE_TEAM ? who->team_id : 0, who->token_id,
                auth_role_name(who->role), action, method, path, (int64_t)status, target_id, d,
                db_now_ms(), who->member_id ? who->member_id : (int64_t)0,
                team_role_name(who->team_role ? who->team_role : TEAM_ADMIN), who->member_id,
                who->token_id);
    free(d);
    return rc;
}

int audit_list(dbc *c, int64_t team_id, int64_t before, int limit, json_t **out, int64_t *next)
{
    json_t *list = json_array();
    dbrows *r = NULL;
    /* One more than asked: whether a next page exists. */
    int rc = !list ? -ENOMEM
                   : dbc_query(c, &r,
                               "SELECT id, team_id, token_id, role, action, method, path, "
                               "status, target_id, detail, at, coalesce(member_id, 0) AS "
                               "member_id, coalesce(team_role, 'admin') AS team_role, "
                               "coalesce(who, '') AS who FROM audit_log "
                               "WHERE (? < 0 OR team_id = ?) AND (? = 0 OR id < ?) "
                               "ORDER BY id DESC LIMIT ?",
                               "iiiii", team_id, team_id, before, before, (int64_t)limit + 1);
    if (rc)
        goto out;
    int64_t more = 0, last = 0;
    int n = 0;
    while ((rc = dbrows_next(r)) == 1) {
        if (n == limit) {
            more = 1;
            break;
        }
        int64_t id = dbrows_int(r, "id");
        const char *text = dbrows_text(r, "detail");
        json_t *detail = text ? json_loads(text, 0, NULL) : json_null();
        int64_t member = dbrows_int(r, "member_id");
        json_t *e = json_pack(
            "{s:I, s:I, s:{s:I, s:s, s:s, s:o, s:s}, s:s, s:s, s:s, s:I, s:s?, s:o, s:I}", "id",
            (json_int_t)id, "team_id", (json_int_t)dbrows_int(r, "team_id"), "actor", "token_id",
            (json_int_t)dbrows_int(r, "token_id"), "role", dbrows_text(r, "role"), "team_role",
            dbrows_text(r, "team_role"), "member_id", member ? json_integer(member) : json_null(),
            "who", dbrows_text(r, "who"), "action", dbrows_text(r, "action"), "method",
            dbrows_text(r, "method"), "path", dbrows_text(r, "path"), "status",
            (json_int_t)dbrows_int(r, "status"), "target_id", dbrows_text(r, "target_id"), "detail",
            detail ? detail : json_null(), "at", (json_int_t)dbrows_int(r, "at"));
        if (!e || json_array_append_new(list, e)) {
            rc = -ENOMEM;
            goto out;
        }
        last = id;
        n++;
    }
    if (rc < 0)
        goto out;
    *next = more ? last : 0;
    *out = list;
    list = NULL;
    rc = 0;
out:
    dbrows_free(r);
    json_decref(list);
    return rc;
}
