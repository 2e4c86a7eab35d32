/* Problems: list, read, import (PUT a zip or gzip tar), delete, and the verification report. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api.h"
#include "assessments.h"
#include "fsutil.h"
#include "pkg.h"
#include "store.h"
#include "unpack.h"

/* The problem named in the path, readable by the caller; replies 404 and returns false if not. */
static bool readable(struct server *s, struct req *r, sqlite3 *c, struct problem_row *row)
{
    const char *slug = r->params[0];
    int rc = pkg_slug_valid(slug) ? store_problem(s, c, slug, row) : -ENOENT;
    if (rc == -EIO) {
        reply_problem(r, 500, "cannot read the database");
        return false;
    }
    if (rc || !store_can_read(&r->who, row)) {
        reply_problem(r, 404, "no problem '%s'", slug);
        return false;
    }
    return true;
}

void api_problems_list(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    bool admin = r->who.role == ROLE_ADMIN;
    int64_t team = r->who.role == ROLE_TEAM ? r->who.team_id : -1;
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT p.slug, v.title, v.version, p.public, v.time_limit_ms, "
        "json_extract(v.detail, '$.limits.memory_mb'), json_extract(v.detail, '$.type'), v.tests, "
        "json_extract(v.detail, '$.function_signature') "
        "FROM problems p JOIN problem_versions v ON v.id = p.current "
        "WHERE p.deleted_at IS NULL AND (? OR p.public OR p.team_id = ?) ORDER BY p.slug",
        "ii", (int64_t)admin, team);
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        json_array_append_new(
            list,
            json_pack("{s:s, s:s, s:i, s:b, s:s, s:I, s:{s:I, s:I}, s:b}", "slug",
                      sqlite3_column_text(st, 0), "title", sqlite3_column_text(st, 1), "version",
                      sqlite3_column_int(st, 2), "public", sqlite3_column_int(st, 3), "type",
                      sqlite3_column_text(st, 6), "tests", (json_int_t)sqlite3_column_int64(st, 7),
                      "limits", "time_ms", (json_int_t)sqlite3_column_int64(st, 4), "memory_mb",
                      (json_int_t)sqlite3_column_int64(st, 5), "function_signature",
                      sqlite3_column_int(st, 8)));
    }
    bool failed = !st;
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (failed) {
        json_decref(list);
        reply_problem(r, 500, "cannot read the database");
        return;
    }
    reply_json(r, 200, json_pack("{s:o}", "problems", list));
}

void api_problem_get(struct server *s, struct req *r)
{
    struct problem_row row;
    char *body = NULL;
    size_t len = 0;
    if (pkg_slug_valid(r->params[0]) && store_detail_get(r->params[0], &row, &body, &len)) {
        if (store_can_read(&r->who, &row))
            reply_bytes(r, 200, "application/json", body, len);
        else
            reply_problem(r, 404, "no problem '%s'", r->params[0]);
        free(body);
        return;
    }
    uint64_t generation = store_detail_generation();
    sqlite3 *c = db_acquire(s->db);
    if (!readable(s, r, c, &row)) {
        db_release(s->db, c);
        return;
    }
    sqlite3_stmt *st =
        db_prepare(c, "SELECT detail FROM problem_versions WHERE id = ?", "i", row.version_id);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        /* The stored detail is a JSON object; splice the row's fields in front, unparsed. */
        const char *detail = (const char *)sqlite3_column_text(st, 0);
        int n = asprintf(&body, "{\"slug\":\"%s\",\"version\":%d,\"public\":%s,%s", row.slug,
                         row.version, row.public ? "true" : "false", detail + 1);
        if (n > 0) {
            reply_bytes(r, 200, "application/json", body, (size_t)n);
            store_detail_put(&row, body, (size_t)n, generation);
        }
        free(body);
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (!r->status)
        reply_problem(r, 500, "cannot read problem '%s'", row.slug);
}

void api_problem_verification(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    struct problem_row row;
    if (!readable(s, r, c, &row)) {
        db_release(s->db, c);
        return;
    }
    if (!store_can_write(&r->who, &row)) {
        db_release(s->db, c);
        reply_problem(r, 403, "only the owner of '%s' sees its verification", row.slug);
        return;
    }
    sqlite3_stmt *st = db_prepare(c, "SELECT verification FROM problem_versions WHERE id = ?", "i",
                                  row.version_id);
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        reply_bytes(r, 200, "application/json", v, strlen(v));
    } else {
        reply_problem(r, 500, "cannot read the verification of '%s'", row.slug);
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
}

/* What the body is, by its first bytes (types sent by clients are often generic). */
static const char *sniff(int fd)
{
    unsigned char m[4] = {0};
    ssize_t n = pread(fd, m, sizeof(m), 0);
    if (n >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4)
        return "zip";
    if (n >= 2 && m[0] == 0x1f && m[1] == 0x8b)
        return "gzip";
    return NULL;
}

void api_problem_put(struct server *s, struct req *r)
{
    const char *slug = r->params[0];
    if (!pkg_slug_valid(slug)) {
        json_t *e = json_array();
        api_field_error(e, "slug",
                        "'%s' is not a problem id: use [a-z0-9][a-z0-9-]*, at most 64 characters",
                        slug);
        reply_problem_errors(r, 422, e, "invalid problem id");
        return;
    }
    const char *ctype = http_request_header(r, "Content-Type");
    static const char *const types[] = {"application/zip", "application/gzip", "application/x-gzip",
                                        "application/x-zip-compressed", "application/octet-stream"};
    bool type_ok = false;
    for (size_t i = 0; ctype && i < sizeof(types) / sizeof(types[0]); i++)
        type_ok |= !strncasecmp(ctype, types[i], strlen(types[i]));
    if (!type_ok) {
        reply_problem(r, 415,
                      "send the package as application/zip or application/gzip (a gzip tar), "
                      "not '%s'",
                      ctype ? ctype : "no Content-Type");
        return;
    }
    if (!r->body_len || !sniff(r->body_fd)) {
        json_t *e = json_array();
        api_field_error(e, "body", "the body is neither a zip nor a gzip archive (%llu bytes)",
                        (unsigned long long)r->body_len);
        reply_problem_errors(r, 422, e, "the package is not a zip or gzip tar");
        return;
    }
    const char *pub = http_query(r, "public");
    int public_flag = -1;
    if (pub) {
        if (!strcmp(pub, "true") || !strcmp(pub, "1"))
            public_flag = 1;
        else if (!strcmp(pub, "false") || !strcmp(pub, "0"))
            public_flag = 0;
        else {
            json_t *e = json_array();
            api_field_error(e, "public", "'public' is true or false, not '%s'", pub);
            reply_problem_errors(r, 422, e, "invalid query parameter");
            return;
        }
    }
    if (public_flag == 1 && r->who.role != ROLE_ADMIN) {
        reply_problem(r, 403, "only the admin publishes problems to everyone");
        return;
    }
    if (!api_rate_ok(s, r, "import"))
        return;
    char dest[4096];
    snprintf(dest, sizeof(dest), "%s.d", r->body_path);
    struct diag errors = DIAG_INIT;
    int rc = unpack_archive(r->body_path, dest, slug, NULL, &errors);
    if (rc) {
        json_t *e = json_array();
        for (size_t i = 0; i < errors.n; i++)
            api_field_error(e, "body", "%s", errors.items[i]);
        if (rc == -EINVAL)
            reply_problem_errors(r, 422, e, "the package of '%s' cannot be unpacked", slug);
        else {
            json_decref(e);
            reply_problem(r, rc == -ENOSPC ? 507 : 500, "cannot unpack the package: %s",
                          strerror(-rc));
        }
        diag_release(&errors);
        fs_remove_tree(dest);
        return;
    }
    diag_release(&errors);
    char *root = unpack_package_root(dest);
    if (!root) {
        json_t *e = json_array();
        api_field_error(e, "body",
                        "no problem.yaml at the top of the archive or in its only folder");
        reply_problem_errors(r, 422, e, "the archive holds no problem package");
        fs_remove_tree(dest);
        return;
    }
    /* Errors of the package itself (problem.yaml, layout) come back as verification errors. */
    struct import_outcome o;
    store_import(s, root, slug, &r->who, public_flag, &o);
    free(root);
    fs_remove_tree(dest);
    if (o.status >= 400) {
        if (o.status == 503)
            http_header(r, "Retry-After", "30");
        reply_problem_json(r, o.body);
        return;
    }
    char loc[128];
    snprintf(loc, sizeof(loc), "/api/v1/problems/%s", slug);
    http_header(r, "Location", loc);
    reply_json(r, o.status, o.body);
}

void api_problem_delete(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    struct problem_row row;
    if (!readable(s, r, c, &row)) {
        db_release(s->db, c);
        return;
    }
    if (!store_can_write(&r->who, &row)) {
        db_release(s->db, c);
        reply_problem(r, 403, "problem '%s' belongs to %s; it cannot be deleted with this token",
                      row.slug, row.team_id ? "another team" : "the admin");
        return;
    }
    char used_by[TITLE_MAX * 4 + 1]; /* characters of up to 4 bytes */
    int in_use = assessments_problem_in_use(s->db, row.slug, db_now_ms(), used_by, sizeof(used_by));
    if (in_use) {
        db_release(s->db, c);
        if (in_use < 0)
            reply_problem(r, 500, "cannot read the assessments that use '%s'", row.slug);
        else
            reply_problem(r, 409,
                          "problem '%s' is used by assessment '%s', which has not ended; delete "
                          "the assessment or revoke its open invites first",
                          row.slug, used_by);
        return;
    }
    /* Its versions stay: submissions made against it keep their problem. */
    int rc = db_exec(c, "UPDATE problems SET deleted_at = ? WHERE slug = ?", "is", db_now_ms(),
                     row.slug);
    store_detail_forget(row.slug);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot delete '%s'", row.slug);
    else
        reply_empty(r, 204);
}
