/*
 * Problems: list, read, import (PUT a zip or gzip tar), delete, and the verification report.
 * Each handler parses the request, calls problems.h, and renders; errno becomes a status through
 * errmap.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api.h"
#include "assessments.h"
#include "errmap.h"
#include "fsutil.h"
#include "pkg.h"
#include "problems.h"
#include "unpack.h"

/* The problem named in the path, readable by the caller; replies and returns false if not. */
static bool readable(struct server *s, struct req *r, struct problem_row *row)
{
    const char *slug = r->params[0];
    int rc = pkg_slug_valid(slug) ? problems_get(s->db, slug, row) : -ENOENT;
    if (rc && rc != -ENOENT) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the database");
        return false;
    }
    if (rc || !problems_can_read(&r->who, row)) {
        reply_problem(r, 404, "no problem '%s'", slug);
        return false;
    }
    return true;
}

static json_t *summary_json(const struct problem_summary *p)
{
    json_t *tags = p->tags_json ? json_loads(p->tags_json, 0, NULL) : NULL;
    if (!json_is_array(tags)) {
        json_decref(tags);
        tags = json_array();
    }
    return json_pack("{s:s, s:s, s:i, s:b, s:s, s:I, s:{s:I, s:I}, s:b, s:o, s:o}", "slug", p->slug,
                     "title", p->title, "version", p->version, "public", p->public, "type", p->type,
                     "tests", (json_int_t)p->tests, "limits", "time_ms", (json_int_t)p->time_ms,
                     "memory_mb", (json_int_t)p->memory_mb, "function_signature",
                     p->function_signature, "difficulty",
                     p->difficulty ? json_string(p->difficulty) : json_null(), "tags", tags);
}

void api_problems_list(struct server *s, struct req *r)
{
    struct problem_summary *list = NULL;
    size_t n = 0;
    int rc = problems_list(s->db, &r->who, &list, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the database");
        goto out;
    }
    json_t *problems = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(problems, summary_json(&list[i]));
    reply_json(r, 200, json_pack("{s:o}", "problems", problems));
out:
    problems_list_free(list, n);
}

void api_problem_get(struct server *s, struct req *r)
{
    const char *slug = r->params[0];
    struct problem_row row;
    char *body = NULL, *detail = NULL;
    size_t len = 0;
    if (pkg_slug_valid(slug) && problems_cache_get(slug, &row, &body, &len)) {
        if (problems_can_read(&r->who, &row))
            reply_bytes(r, 200, "application/json", body, len);
        else
            reply_problem(r, 404, "no problem '%s'", slug);
        goto out;
    }
    uint64_t generation = problems_cache_generation();
    if (!readable(s, r, &row))
        goto out;
    int rc = problems_detail_text(s->db, row.version_id, &detail);
    /* The stored detail is a JSON object; splice the row's fields in front, unparsed. */
    int n = rc || detail[0] != '{'
                ? -1
                : asprintf(&body, "{\"slug\":\"%s\",\"version\":%d,\"public\":%s,%s", row.slug,
                           row.version, row.public ? "true" : "false", detail + 1);
    if (n < 0) {
        body = NULL;
        reply_problem(r, rc ? http_status_of_errno(rc) : 500, "cannot read problem '%s'", row.slug);
        goto out;
    }
    reply_bytes(r, 200, "application/json", body, (size_t)n);
    problems_cache_put(&row, body, (size_t)n, generation);
out:
    free(body);
    free(detail);
}

void api_problem_verification(struct server *s, struct req *r)
{
    struct problem_row row;
    char *text = NULL;
    if (!readable(s, r, &row))
        goto out;
    if (!problems_can_write(&r->who, &row)) {
        reply_problem(r, 403, "only the owner of '%s' sees its verification", row.slug);
        goto out;
    }
    int rc = problems_verification_text(s->db, row.version_id, &text);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc == -ENOENT ? -EIO : rc),
                      "cannot read the verification of '%s'", row.slug);
        goto out;
    }
    reply_bytes(r, 200, "application/json", text, strlen(text));
out:
    free(text);
}

/*** PUT /problems/{slug} ***/

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

/* The slug, the body's type and the ?public flag (1, 0, -1: kept); replies and returns false. */
static bool put_args(struct server *s, struct req *r, int *public_flag)
{
    const char *slug = r->params[0];
    if (!pkg_slug_valid(slug)) {
        json_t *e = json_array();
        api_field_error(e, "slug",
                        "'%s' is not a problem id: use [a-z0-9][a-z0-9-]*, at most 64 characters",
                        slug);
        reply_problem_errors(r, 422, e, "invalid problem id");
        return false;
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
        return false;
    }
    if (!r->body_len || !sniff(r->body_fd)) {
        json_t *e = json_array();
        api_field_error(e, "body", "the body is neither a zip nor a gzip archive (%llu bytes)",
                        (unsigned long long)r->body_len);
        reply_problem_errors(r, 422, e, "the package is not a zip or gzip tar");
        return false;
    }
    const char *pub = http_query(r, "public");
    *public_flag = -1;
    if (pub && (!strcmp(pub, "true") || !strcmp(pub, "1"))) {
        *public_flag = 1;
    } else if (pub && (!strcmp(pub, "false") || !strcmp(pub, "0"))) {
        *public_flag = 0;
    } else if (pub) {
        json_t *e = json_array();
        api_field_error(e, "public", "'public' is true or false, not '%s'", pub);
        reply_problem_errors(r, 422, e, "invalid query parameter");
        return false;
    }
    if (*public_flag == 1 && r->who.role != ROLE_ADMIN) {
        reply_problem(r, 403, "only the admin publishes problems to everyone");
        return false;
    }
    return api_rate_ok(s, r, "import");
}

/* Unpacks the body into `dest`; *root is the package folder in it. Replies and returns false. */
static bool unpack_body(struct req *r, const char *slug, const char *dest, char **root)
{
    struct diag errors = DIAG_INIT;
    int rc = unpack_archive(r->body_path, dest, slug, NULL, &errors);
    if (rc == -EINVAL) {
        json_t *e = json_array();
        for (size_t i = 0; i < errors.n; i++)
            api_field_error(e, "body", "%s", errors.items[i]);
        reply_problem_errors(r, 422, e, "the package of '%s' cannot be unpacked", slug);
    } else if (rc) {
        reply_problem(r, http_status_of_errno(rc == -ENOSPC ? rc : -EIO),
                      "cannot unpack the package: %s", strerror(-rc));
    } else if (!(*root = unpack_package_root(dest))) {
        json_t *e = json_array();
        api_field_error(e, "body",
                        "no problem.yaml at the top of the archive or in its only folder");
        reply_problem_errors(r, 422, e, "the archive holds no problem package");
    }
    diag_release(&errors);
    return !rc && *root;
}

/* An import that failed, as problem+json; `o`'s JSON moves into the answer. */
static void reply_import_failed(struct req *r, int rc, struct problems_import *o)
{
    unsigned status = (unsigned)http_status_of_errno(rc);
    json_t *p = json_pack("{s:s, s:s, s:I, s:s}", "type", "about:blank", "title",
                          o->verification ? "Package failed verification" : http_reason(status),
                          "status", (json_int_t)status, "detail", o->detail);
    if (o->errors)
        json_object_set(p, "errors", o->errors);
    if (o->verification)
        json_object_set(p, "verification", o->verification);
    if (status == 503)
        http_header(r, "Retry-After", "30");
    reply_problem_json(r, p);
}

static void reply_imported(struct req *r, const char *slug, const struct problems_import *o)
{
    char loc[128];
    snprintf(loc, sizeof(loc), "/api/v1/problems/%s", slug);
    http_header(r, "Location", loc);
    reply_json(r, o->created ? 201 : 200,
               json_pack("{s:s, s:i, s:b, s:b, s:O, s:O}", "slug", slug, "version", o->version,
                         "public", o->public, "changed", o->changed, "verification",
                         o->verification, "warnings", o->warnings));
}

void api_problem_put(struct server *s, struct req *r)
{
    const char *slug = r->params[0];
    struct problems_import o = {0};
    char dest[4096] = "", *root = NULL;
    int public_flag = -1;
    if (!put_args(s, r, &public_flag))
        goto out;
    snprintf(dest, sizeof(dest), "%s.d", r->body_path);
    if (!unpack_body(r, slug, dest, &root))
        goto out;
    /* Errors of the package itself (problem.yaml, layout) come back as verification errors. */
    int rc = problems_import(s, root, slug, &r->who, public_flag, &o);
    if (rc)
        reply_import_failed(r, rc, &o);
    else
        reply_imported(r, slug, &o);
out:
    problems_import_release(&o);
    free(root);
    if (*dest)
        fs_remove_tree(dest);
}

void api_problem_delete(struct server *s, struct req *r)
{
    struct problem_row row;
    if (!readable(s, r, &row))
        return;
    if (!problems_can_write(&r->who, &row)) {
        reply_problem(r, 403, "problem '%s' belongs to %s; it cannot be deleted with this token",
                      row.slug, row.team_id ? "another team" : "the admin");
        return;
    }
    char used_by[TITLE_MAX * 4 + 1]; /* characters of up to 4 bytes */
    int in_use = assessments_problem_in_use(s->db, row.slug, db_now_ms(), used_by, sizeof(used_by));
    if (in_use < 0) {
        reply_problem(r, http_status_of_errno(in_use), "cannot read the assessments that use '%s'",
                      row.slug);
        return;
    }
    if (in_use) {
        reply_problem(r, 409,
                      "problem '%s' is used by assessment '%s', which has not ended; delete the "
                      "assessment or revoke its open invites first",
                      row.slug, used_by);
        return;
    }
    /* Its versions stay: submissions made against it keep their problem. */
    int rc = problems_delete(s->db, row.slug);
    if (rc)
        reply_problem(r, http_status_of_errno(rc == -ENOENT ? -EIO : rc), "cannot delete '%s'",
                      row.slug);
    else
        reply_empty(r, 204);
}
