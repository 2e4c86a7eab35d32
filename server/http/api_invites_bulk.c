/* POST /api/v1/assessments/{id}/invites/bulk: invites from a CSV file (invites_bulk.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "errmap.h"
#include "invites_bulk.h"
#include "mail.h"

static json_t *row_json(const struct bulk_result *b, int64_t expires)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s}", "line", (json_int_t)b->line, "name", b->name,
                          "email", b->email, "extra_minutes", (json_int_t)b->extra_min, "status",
                          bulk_status_name(b->status));
    char link[128];
    switch (b->status) {
    case BULK_CREATED:
        snprintf(link, sizeof(link), "/invite#%s", b->token);
        json_object_set_new(o, "id", json_integer(b->id));
        json_object_set_new(o, "token", json_string(b->token));
        json_object_set_new(o, "link", json_string(link));
        json_object_set_new(o, "expires_at", json_integer(expires));
        break;
    case BULK_INVALID:
        json_object_set_new(o, "detail", json_string(b->why));
        break;
    case BULK_DUPLICATE_IN_FILE:
        json_object_set_new(o, "duplicate_of_line", json_integer((json_int_t)b->dup_line));
        break;
    case BULK_DUPLICATE_EXISTING:
        json_object_set_new(o, "duplicate_of_invite", json_integer(b->dup_invite));
        break;
    }
    return o;
}

void api_invites_bulk(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    struct bulk_result *rows = NULL;
    size_t n = 0, created = 0;
    if (!body)
        goto out;
    json_t *jc = json_object_get(body, "csv"), *jx = json_object_get(body, "expires_in_hours");
    if (!json_is_string(jc))
        api_field_error(errors, "csv", "is required: the file's text, name,email[,extra_minutes]");
    if (jx &&
        (!json_is_integer(jx) || json_integer_value(jx) < 1 || json_integer_value(jx) > 24 * 365))
        api_field_error(errors, "expires_in_hours", "must be an integer from 1 to 8760");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "invalid bulk invites");
        goto out;
    }
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        goto out;
    char err[256] = "";
    int64_t now = db_now_ms();
    int64_t expires = now + (jx ? (int64_t)json_integer_value(jx) * 3600000 : INVITE_DEFAULT_MS);
    int rc = invites_bulk(s->db, aid, json_string_value(jc), json_string_length(jc), expires, now,
                          &rows, &n, &created, err, sizeof(err));
    if (rc == -E2BIG) {
        reply_problem(r, 413, "%s", err);
    } else if (rc == -EINVAL) {
        api_field_error(errors, "csv", "%s", err);
        reply_problem_errors(r, 422, json_incref(errors), "the CSV file cannot be read");
    } else if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot create the invites: %s", strerror(-rc));
    }
    if (rc)
        goto out;
    json_t *list = json_array();
    size_t dups = 0, invalid = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].status == BULK_CREATED &&
            (rc = mail_queue_invite(s, rows[i].id, rows[i].token)))
            fprintf(stderr, "judged: invite %lld: cannot queue the invitation e-mail: %s\n",
                    (long long)rows[i].id, strerror(-rc));
        json_array_append_new(list, row_json(&rows[i], expires));
        dups +=
            rows[i].status == BULK_DUPLICATE_IN_FILE || rows[i].status == BULK_DUPLICATE_EXISTING;
        invalid += rows[i].status == BULK_INVALID;
    }
    /* Counts only: the rows name people. */
    r->audit_detail = json_pack("{s:I, s:I, s:I}", "created", (json_int_t)created, "duplicates",
                                (json_int_t)dups, "invalid", (json_int_t)invalid);
    reply_json(r, 200,
               json_pack("{s:I, s:I, s:I, s:o}", "created", (json_int_t)created, "duplicates",
                         (json_int_t)dups, "invalid", (json_int_t)invalid, "rows", list));
out:
    bulk_results_free(rows, n);
    json_decref(errors);
    json_decref(body);
}
