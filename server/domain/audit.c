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

int audit_record(sqlite3 *c, const struct principal *who, const char *action, const char *method,
                 const char *path, unsigned status, const char *target_id, const json_t *detail)
{
    if (who->role != ROLE_TEAM && who->role != ROLE_ADMIN)
        return -EINVAL;
    char *d = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    int rc = db_exec(c,
                     "INSERT INTO audit_log (team_id, token_id, role, action, method, path, "
                     "status, target_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "iissssissi", who->role == ROLE_TEAM ? who->team_id : 0, who->token_id,
                     auth_role_name(who->role), action, method, path, (int64_t)status, target_id, d,
                     db_now_ms());
    free(d);
    return rc == SQLITE_OK ? 0 : -EIO;
}

int audit_list(sqlite3 *c, int64_t team_id, int64_t before, int limit, json_t **out, int64_t *next)
{
    int rc = 0;
    json_t *list = json_array();
    /* One more than asked: whether a next page exists. */
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT id, team_id, token_id, role, action, method, path, "
                                  "status, target_id, detail, at FROM audit_log "
                                  "WHERE (?1 < 0 OR team_id = ?1) AND (?2 = 0 OR id < ?2) "
                                  "ORDER BY id DESC LIMIT ?3",
                                  "iii", team_id, before, (int64_t)limit + 1);
    if (!list || !st) {
        rc = !list ? -ENOMEM : -EIO;
        goto out;
    }
    int64_t more = 0;
    int n = 0, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == limit) {
            more = 1;
            break;
        }
        int64_t id = sqlite3_column_int64(st, 0);
        json_t *detail = sqlite3_column_type(st, 9) == SQLITE_NULL
                             ? json_null()
                             : json_loads((const char *)sqlite3_column_text(st, 9), 0, NULL);
        json_t *e = json_pack(
            "{s:I, s:I, s:{s:I, s:s}, s:s, s:s, s:s, s:i, s:s?, s:o, s:I}", "id", (json_int_t)id,
            "team_id", (json_int_t)sqlite3_column_int64(st, 1), "actor", "token_id",
            (json_int_t)sqlite3_column_int64(st, 2), "role", sqlite3_column_text(st, 3), "action",
            sqlite3_column_text(st, 4), "method", sqlite3_column_text(st, 5), "path",
            sqlite3_column_text(st, 6), "status", sqlite3_column_int(st, 7), "target_id",
            sqlite3_column_text(st, 8), "detail", detail ? detail : json_null(), "at",
            (json_int_t)sqlite3_column_int64(st, 10));
        if (!e || json_array_append_new(list, e)) {
            rc = -ENOMEM;
            goto out;
        }
        *next = id;
        n++;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = -EIO;
        goto out;
    }
    if (!more)
        *next = 0;
    *out = list;
    list = NULL;
out:
    sqlite3_finalize(st);
    json_decref(list);
    return rc;
}
