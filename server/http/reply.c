/*
 * The HTTP front's answers: the reason phrases, JSON and problem+json replies with the security
 * headers every answer carries, streamed bodies, request bodies as JSON, and the web front end's
 * static files (precompressed when the client takes it). http.c receives and routes; this file
 * answers.
 */
#define _GNU_SOURCE
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "fsutil.h"
#include "metrics.h"
#include "ratelimit.h"
#include "reqcheck.h"

/* Sent with every answer: no framing, no sniffing, scripts only from this origin. */
static const char *const security_headers[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
     "form-action 'self'; frame-ancestors 'none'"},
};

const char *http_reason(unsigned status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 507:
        return "Insufficient Storage";
    default:
        return "Error";
    }
}

/*** Replies ***/

void http_header(struct req *r, const char *name, const char *value)
{
    if (r->nextra >= REQ_HEADERS)
        return;
    snprintf(r->extra_headers[r->nextra][0], 128, "%s", name);
    snprintf(r->extra_headers[r->nextra][1], 128, "%s", value);
    r->nextra++;
}

const char *http_request_header(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_query(struct req *r, const char *name)
{
    return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

static void queue(struct req *r, unsigned status, struct MHD_Response *resp, const char *ctype,
                  uint64_t len)
{
    if (!resp)
        return;
    if (ctype)
        MHD_add_response_header(resp, "Content-Type", ctype);
    for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
        MHD_add_response_header(resp, security_headers[i][0], security_headers[i][1]);
    for (int i = 0; i < r->nextra; i++)
        MHD_add_response_header(resp, r->extra_headers[i][0], r->extra_headers[i][1]);
    if (!strncmp(r->path, "/api/", 5))
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    if (MHD_queue_response(r->conn, status, resp) == MHD_YES) {
        r->status = status;
        r->bytes = len;
    }
    MHD_destroy_response(resp);
}

void reply_bytes(struct req *r, unsigned status, const char *content_type, const void *data,
                 size_t len)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
    queue(r, status, resp, content_type, len);
}

void reply_json(struct req *r, unsigned status, json_t *body)
{
    json_t *id = r->route && r->route->audit ? json_object_get(body, "id") : NULL;
    if (json_is_string(id))
        snprintf(r->audit_target, sizeof(r->audit_target), "%s", json_string_value(id));
    else if (json_is_integer(id))
        snprintf(r->audit_target, sizeof(r->audit_target), "%lld",
                 (long long)json_integer_value(id));
    char *s = json_dumps(body, JSON_COMPACT);
    json_decref(body);
    if (!s) {
        reply_bytes(r, 500, "application/problem+json", "{}", 2);
        return;
    }
    size_t len = strlen(s);
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, s, MHD_RESPMEM_MUST_FREE);
    queue(r, status, resp, "application/json", len);
}

void reply_empty(struct req *r, unsigned status)
{
    reply_bytes(r, status, NULL, "", 0);
}

void reply_problem_json(struct req *r, json_t *problem)
{
    unsigned status = (unsigned)json_integer_value(json_object_get(problem, "status"));
    if (status < 400)
        status = 500;
    char *s = json_dumps(problem, JSON_COMPACT);
    json_decref(problem);
    size_t len = s ? strlen(s) : 0;
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        len, s ? s : (char *)"", s ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    queue(r, status, resp, "application/problem+json", len);
}

static json_t *vproblem(unsigned status, const char *fmt, va_list ap)
{
    char detail[1024];
    vsnprintf(detail, sizeof(detail), fmt, ap);
    return json_pack("{s:s, s:s, s:I, s:s}", "type", "about:blank", "title", http_reason(status),
                     "status", (json_int_t)status, "detail", detail);
}

void reply_problem(struct req *r, unsigned status, const char *detail_fmt, ...)
{
    va_list ap;
    va_start(ap, detail_fmt);
    json_t *p = vproblem(status, detail_fmt, ap);
    va_end(ap);
    reply_problem_json(r, p);
}

void reply_problem_errors(struct req *r, unsigned status, json_t *errors, const char *detail_fmt,
                          ...)
{
    va_list ap;
    va_start(ap, detail_fmt);
    json_t *p = vproblem(status, detail_fmt, ap);
    va_end(ap);
    json_object_set_new(p, "errors", errors);
    reply_problem_json(r, p);
}

struct stream {
    stream_fn next;
    void *ud;
    void (*free_ud)(void *);
};

static ssize_t stream_cb(void *cls, uint64_t pos, char *buf, size_t max)
{
    struct stream *st = cls;
    return st->next(st->ud, pos, buf, max);
}

static void stream_free(void *cls)
{
    struct stream *st = cls;
    if (st->free_ud)
        st->free_ud(st->ud);
    free(st);
}

void reply_stream(struct req *r, const char *content_type, stream_fn next, void *ud,
                  void (*free_ud)(void *ud))
{
    struct stream *st = calloc(1, sizeof(*st));
    if (!st) {
        if (free_ud)
            free_ud(ud);
        reply_problem(r, 500, "out of memory");
        return;
    }
    *st = (struct stream){next, ud, free_ud};
    struct MHD_Response *resp =
        MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_cb, st, stream_free);
    if (resp)
        MHD_add_response_header(resp, "X-Accel-Buffering", "no");
    queue(r, 200, resp, content_type, 0);
}

json_t *http_json_body(struct req *r)
{
    char detail[512];
    json_t *j = reqcheck_parse(r->body.buf, r->body.len, detail, sizeof(detail));
    if (!j)
        reply_problem(r, 400, "%s", detail);
    return j;
}

/*** Static files of the front end ***/

static const char *mime_of(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (fs_has_suffix(path, types[i][0]))
            return types[i][1];
    return "application/octet-stream";
}

/*
 * Whether the request's Accept-Encoding takes `coding` (RFC 9110 12.5.3): listed by name, or
 * by "*", without "q=0". Case-insensitive; whitespace around the items and parameters is fine.
 */
static bool accepts_coding(struct req *r, const char *coding)
{
    const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Accept-Encoding");
    size_t n = strlen(coding);
    bool named = false, star = false, refused = false, star_refused = false;
    for (const char *p = h; p && *p;) {
        p += strspn(p, " \t,");
        size_t len = strcspn(p, ",");
        size_t name = strcspn(p, " \t;,");
        /* q=0 (or 0.0, 0.00, 0.000) refuses the coding. */
        const char *q = memchr(p, ';', len) ? strstr(p, "q=") : NULL;
        bool zero =
            q && q < p + len && q[2] == '0' && strspn(q + 3, ".0") == strcspn(q + 3, ",; \t");
        if (name == n && !strncasecmp(p, coding, n)) {
            named = true;
            refused = zero;
        } else if (name == 1 && *p == '*') {
            star = true;
            star_refused = zero;
        }
        p += len;
    }
    return named ? !refused : star && !star_refused;
}

/*
 * Sends `file`, or its precompressed sibling (FILE.br, FILE.gz, made by web/build.sh) when the
 * client accepts that coding: the bundle is built once, so there is no compressing per request.
 * The answer then varies by Accept-Encoding, and says so to caches.
 */
static void serve_file(struct req *r, const char *file)
{
    static const char *const codings[][2] = {{"br", ".br"}, {"gzip", ".gz"}};
    const char *coding = NULL;
    bool varies = false;
    int fd = -1;
    for (size_t i = 0; i < sizeof(codings) / sizeof(codings[0]); i++) {
        char alt[PATH_MAX];
        if (snprintf(alt, sizeof(alt), "%s%s", file, codings[i][1]) >= (int)sizeof(alt) ||
            !fs_is_file(alt))
            continue;
        varies = true;
        if (fd < 0 && accepts_coding(r, codings[i][0])) {
            fd = open(alt, O_RDONLY | O_CLOEXEC);
            coding = fd >= 0 ? codings[i][0] : NULL;
        }
    }
    if (fd < 0)
        fd = open(file, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        reply_problem(r, 404, "no page at '%s'", r->path);
        return;
    }
    struct MHD_Response *resp = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
    if (strstr(file, "/assets/"))
        http_header(r, "Cache-Control", "public, max-age=31536000, immutable");
    else
        http_header(r, "Cache-Control", "no-cache");
    if (varies)
        http_header(r, "Vary", "Accept-Encoding");
    if (coding)
        http_header(r, "Content-Encoding", coding);
    queue(r, 200, resp, mime_of(file), (uint64_t)st.st_size);
}

void http_serve_static(struct server *s, struct req *r)
{
    if (!s->cfg.web) {
        if (!strcmp(r->path, "/")) {
            static const char page[] =
                "<!doctype html><meta charset=utf-8><title>judged</title>"
                "<p>judged is running. The web front end was not built; the API is at "
                "<a href=\"/api/v1/problems\">/api/v1/problems</a>, described by "
                "<a href=\"/openapi.json\">/openapi.json</a>.";
            reply_bytes(r, 200, "text/html; charset=utf-8", page, sizeof(page) - 1);
        } else {
            reply_problem(r, 404, "no page at '%s'", r->path);
        }
        return;
    }
    /* No "..", no hidden files: the path maps into the web folder only. */
    if (strstr(r->path, "/.") || strstr(r->path, "..")) {
        reply_problem(r, 404, "no page at '%s'", r->path);
        return;
    }
    char file[PATH_MAX];
    snprintf(file, sizeof(file), "%s%s", s->cfg.web, r->path);
    const char *last = strrchr(r->path, '/');
    /* Paths without an extension are the front end's own routes: its index page handles them. */
    if (!fs_is_file(file) && last && !strchr(last, '.'))
        snprintf(file, sizeof(file), "%s/index.html", s->cfg.web);
    serve_file(r, file);
}
