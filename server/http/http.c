/*
 * The HTTP front, on libmicrohttpd with a thread per connection: handlers may block (imports,
 * ?wait=true, event streams) without stalling other clients, and the connection caps bound the
 * threads. A request is matched against the route table on its first call, where everything that
 * can be refused without the body is refused (unknown route, method, token, rights, a declared
 * length past the cap), so a refused upload is never read. Bodies accumulate with a cap: JSON in
 * memory, packages in a file under the data folder.
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
#include "logins.h"
#include "metrics.h"
#include "ratelimit.h"
#include "reqcheck.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*** The request line and framing ***/

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/*
 * Percent-decoding of the path and query (in place), instead of libmicrohttpd's: a decoded NUL
 * would end the C string there ("x%00y" would be read as "x"), so it becomes DEL, a control
 * character the path check below refuses. Returns the new length.
 */
static size_t unescape(void *cls, struct MHD_Connection *conn, char *str)
{
    (void)cls;
    (void)conn;
    char *out = str;
    for (const char *in = str; *in; out++) {
        int hi, lo;
        if (in[0] == '%' && (hi = hexval(in[1])) >= 0 && (lo = hexval(in[2])) >= 0) {
            *out = (char)(hi << 4 | lo);
            if (!*out)
                *out = 0x7f;
            in += 3;
        } else {
            *out = *in++;
        }
    }
    *out = '\0';
    return (size_t)(out - str);
}

struct framing {
    int lengths, codings;
    const char *length, *coding;
    bool lengths_differ, length_invalid;
};

static enum MHD_Result framing_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
    (void)kind;
    struct framing *f = cls;
    if (!value)
        value = "";
    if (!strcasecmp(key, "Content-Length")) {
        f->length_invalid |= !*value || strspn(value, "0123456789") != strlen(value);
        f->lengths_differ |= f->length && strcmp(f->length, value);
        f->length = value;
        f->lengths++;
    } else if (!strcasecmp(key, "Transfer-Encoding")) {
        f->coding = value;
        f->codings++;
    }
    return MHD_YES;
}

/*
 * Refuses what two readers of the request could frame differently (request smuggling, or a
 * connection left waiting for a body that never ends): a NUL or control character in the path,
 * differing or malformed Content-Length, a transfer coding other than plain chunked, or both
 * framings at once. The connection is closed after the answer: its body cannot be skipped.
 */
static bool request_sane(struct req *r, const char *url)
{
    if (strlen(url) >= sizeof(r->path)) {
        reply_problem(r, 414, "the path is longer than %zu bytes", sizeof(r->path) - 1);
        goto refused;
    }
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p < 0x20 || *p == 0x7f) {
            reply_problem(r, 400, "the path has a NUL or control character (byte %zu)",
                          (size_t)(p - (const unsigned char *)url));
            goto refused;
        }
    }
    struct framing f = {0};
    MHD_get_connection_values(r->conn, MHD_HEADER_KIND, framing_header, &f);
    if (f.length_invalid || f.lengths_differ) {
        reply_problem(r, 400, "%s Content-Length",
                      f.length_invalid ? "a malformed" : "differing values of");
        goto refused;
    }
    if (f.codings && f.lengths) {
        reply_problem(r, 400, "both Content-Length and Transfer-Encoding: send one of them");
        goto refused;
    }
    if (f.codings > 1 || (f.codings && strcasecmp(f.coding, "chunked"))) {
        reply_problem(r, 501,
                      "the transfer coding '%.64s' is not supported: send plain "
                      "chunked or a Content-Length",
                      f.codings > 1 ? "(several)" : f.coding);
        goto refused;
    }
    return true;
refused:
    http_header(r, "Connection", "close");
    return false;
}

/*** Routing ***/

/* Does `path` match `pattern`, capturing the {} segments? */
static bool match(const char *pattern, const char *path, char params[REQ_PARAMS][256])
{
    int n = 0;
    while (*pattern && *path) {
        if (pattern[0] == '{' && pattern[1] == '}') {
            const char *end = strchr(path, '/');
            size_t len = end ? (size_t)(end - path) : strlen(path);
            if (!len || len >= 256 || n >= REQ_PARAMS)
                return false;
            memcpy(params[n], path, len);
            params[n++][len] = '\0';
            path += len;
            pattern += 2;
        } else if (*pattern++ != *path++) {
            return false;
        }
    }
    return !*pattern && !*path;
}

const struct route *http_route_find(const char *method, const char *path,
                                    char params[REQ_PARAMS][256], bool *path_known, char *allow,
                                    size_t asz)
{
    *path_known = false;
    allow[0] = '\0';
    const struct route *found = NULL;
    char p[REQ_PARAMS][256];
    for (const struct route *rt = api_routes; rt->method; rt++) {
        if (!match(rt->pattern, path, p))
            continue;
        *path_known = true;
        size_t used = strlen(allow);
        snprintf(allow + used, asz - used, "%s%s", used ? ", " : "", rt->method);
        if (!found && (!strcmp(rt->method, method) ||
                       (!strcmp(method, "HEAD") && !strcmp(rt->method, "GET")))) {
            found = rt;
            memcpy(params, p, sizeof(p));
        }
    }
    return found;
}

static void client_address(struct req *r)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(r->client, sizeof(r->client), "unknown");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, r->client,
                  sizeof(r->client));
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, r->client,
                  sizeof(r->client));
}

/*
 * A member's session, when the request has no Authorization header: the cookie's token, looked
 * up. An unknown or ended session is no one (anonymous), so that a stale cookie never locks a
 * browser out of the public pages; the routes that need someone say so. False after replying
 * (the store failed).
 */
static bool session_of(struct server *s, struct req *r)
{
    if (r->route->flags & ROUTE_NO_SESSION)
        return true;
    const char *cookie = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, LOGIN_COOKIE);
    if (!cookie || !*cookie || strlen(cookie) >= sizeof(r->session))
        return true;
    int rc = logins_lookup(s->db, cookie, &r->who);
    if (rc == -ENOENT) {
        r->who = (struct principal){.role = ROLE_ANON};
        return true;
    }
    if (rc) {
        http_header(r, "Retry-After", "1");
        reply_problem(r, 503, "cannot read the session: %s", strerror(-rc));
        return false;
    }
    snprintf(r->session, sizeof(r->session), "%s", cookie);
    return true;
}

/*
 * A request signed in by the cookie that changes something must show the session's CSRF token
 * in X-CSRF-Token: a page of another site can make the browser send the cookie, never read the
 * token. Bearer tokens are not sent by browsers on their own and need none.
 */
static bool csrf_ok(struct req *r)
{
    if (!r->who.login_id || !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD"))
        return true;
    const char *got = http_request_header(r, "X-CSRF-Token");
    if (logins_csrf_ok(r->session, got))
        return true;
    reply_problem(r, 403,
                  "%s %s with a session cookie needs the header X-CSRF-Token: the csrf_token "
                  "POST /api/v1/auth/login or GET /api/v1/me gave (it was %s)",
                  r->route->method, r->route->pattern, got ? "wrong" : "missing");
    return false;
}

/* The route's least team role (the table's column), for members and team keys alike. */
static bool team_role_ok(struct req *r)
{
    enum team_role need = r->route->team_role ? r->route->team_role : TEAM_ADMIN;
    if (r->who.role != ROLE_TEAM || r->who.team_role >= need)
        return true;
    reply_problem(r, 403, "%s %s needs the %s role%s; this %s has the %s role", r->route->method,
                  r->route->pattern, team_role_name(need), need == TEAM_ADMIN ? "" : " or above",
                  r->who.member_id ? "member" : "key", team_role_name(r->who.team_role));
    return false;
}

/* Who sent it; replies 401/403 (RFC 6750) and returns false when not allowed. */
static bool authenticate(struct server *s, struct req *r)
{
    const char *h = http_request_header(r, "Authorization");
    r->who = (struct principal){.role = ROLE_ANON};
    if (h) {
        if (strncasecmp(h, "Bearer ", 7) || !h[7]) {
            http_header(r, "WWW-Authenticate",
                        "Bearer realm=\"judged\", error=\"invalid_request\"");
            reply_problem(r, 401, "the Authorization header must be 'Bearer TOKEN'");
            return false;
        }
        const char *tok = h + 7;
        while (*tok == ' ')
            tok++;
        if (auth_lookup(s->auth, tok, &r->who)) {
            http_header(r, "WWW-Authenticate",
                        "Bearer realm=\"judged\", error=\"invalid_token\", "
                        "error_description=\"the token is unknown or revoked\"");
            reply_problem(r, 401, "the bearer token is unknown or was revoked");
            return false;
        }
    } else if (!session_of(s, r)) {
        return false;
    }
    enum access need = r->route->access;
    if (need == ACCESS_ANY && r->who.role == ROLE_CANDIDATE &&
        !(r->route->flags & ROUTE_CANDIDATE)) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\", error=\"insufficient_scope\"");
        reply_problem(r, 403, "a candidate's token reaches only its assessment (%s %s)",
                      r->route->method, r->route->pattern);
        return false;
    }
    /* A worker's token judges: it reaches the worker routes and nothing else, open ones neither. */
    if (r->who.role == ROLE_WORKER && need != ACCESS_WORKER) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\", error=\"insufficient_scope\"");
        reply_problem(r, 403, "a worker's token reaches only the worker routes (%s %s)",
                      r->route->method, r->route->pattern);
        return false;
    }
    if (need == ACCESS_ANY)
        return csrf_ok(r) && team_role_ok(r);
    if (r->who.role == ROLE_ANON) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\"");
        reply_problem(r, 401,
                      "%s %s needs a bearer token (Authorization: Bearer TOKEN) or a member's "
                      "session (POST /api/v1/auth/login)",
                      r->route->method, r->route->pattern);
        return false;
    }
    enum role w = r->who.role;
    bool ok = need == ACCESS_TOKEN       ? w == ROLE_TEAM || w == ROLE_ADMIN
              : need == ACCESS_ADMIN     ? w == ROLE_ADMIN
              : need == ACCESS_CANDIDATE ? w == ROLE_CANDIDATE
                                         : w == ROLE_WORKER || w == ROLE_ADMIN;
    if (!ok) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\", error=\"insufficient_scope\"");
        reply_problem(r, 403, "%s %s is not allowed for a %s token", r->route->method,
                      r->route->pattern, auth_role_name(r->who.role));
    }
    return ok && csrf_ok(r) && team_role_ok(r);
}

/* Anonymous clients get a request rate per address, so practice mode cannot be flooded. */
static bool rate_ok(struct server *s, struct req *r)
{
    if (r->route->flags & ROUTE_RATE_EXEMPT)
        return true;
    if (r->who.role != ROLE_ANON || !s->cfg.reads_per_sec)
        return true;
    unsigned retry = 1;
    char key[96];
    snprintf(key, sizeof(key), "read:%s", r->client);
    if (ratelimit_take(s->ratelimit, key, s->cfg.reads_per_sec * 60.0, s->cfg.reads_per_sec * 2.0,
                       &retry))
        return true;
    char v[16];
    snprintf(v, sizeof(v), "%u", retry ? retry : 1);
    http_header(r, "Retry-After", v);
    reply_problem(r, 429, "too many requests from %s; retry in %u s", r->client, retry ? retry : 1);
    return false;
}

static bool first_call(struct server *s, struct req *r, const char *url)
{
    client_address(r);
    if (!request_sane(r, url))
        return false;
    bool known;
    char allow[128];
    r->route = http_route_find(r->method, r->path, r->params, &known, allow, sizeof(allow));
    if (!r->route) {
        if (known) {
            http_header(r, "Allow", allow);
            reply_problem(r, 405, "%s is not allowed on '%s' (allowed: %s)", r->method, r->path,
                          allow);
        } else if (!strncmp(r->path, "/api/", 5)) {
            reply_problem(r, 404, "no API endpoint at '%s'; see /openapi.json", r->path);
        } else if (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD")) {
            /*
             * Answered on the next call, once the request is read whole: an answer queued on
             * this first call makes libmicrohttpd close the connection after it, and a page's
             * scripts and styles would each pay for a new one.
             */
            return true;
        } else {
            http_header(r, "Allow", "GET, HEAD");
            reply_problem(r, 405, "%s is not allowed on '%s'", r->method, r->path);
        }
        return false;
    }
    if (!authenticate(s, r) || !rate_ok(s, r))
        return false;
    if (s->stopping && !(r->route->flags & ROUTE_WHILE_STOPPING)) {
        http_header(r, "Retry-After", "10");
        reply_problem(r, 503, "the judge is shutting down; retry shortly");
        return false;
    }
    const char *cl = http_request_header(r, "Content-Length");
    uint64_t max = r->route->body == BODY_FILE ? PACKAGE_BODY_MAX : JSON_BODY_MAX;
    if (cl && strtoull(cl, NULL, 10) > max) {
        reply_problem(r, 413, "the body is %s bytes; at most %llu are accepted here", cl,
                      (unsigned long long)max);
        return false;
    }
    strbuf_init(&r->body, r->route->body == BODY_JSON ? JSON_BODY_MAX : 0);
    r->body_fd = -1;
    if (r->route->body == BODY_FILE) {
        snprintf(r->body_path, sizeof(r->body_path), "%s/upload-XXXXXX", s->tmp_dir);
        r->body_fd = mkostemp(r->body_path, O_CLOEXEC);
        if (r->body_fd < 0) {
            r->body_path[0] = '\0';
            reply_problem(r, 500, "cannot store the upload: %s", strerror(errno));
            return false;
        }
    }
    return true;
}

/* Takes a piece of the body. False when it went past the cap (413 is queued or will be). */
static bool take_body(struct req *r, const char *data, size_t len)
{
    uint64_t max = r->route->body == BODY_FILE ? PACKAGE_BODY_MAX : JSON_BODY_MAX;
    if (r->body_too_big || r->body_len + len > max) {
        r->body_too_big = true;
        return false;
    }
    r->body_len += len;
    if (r->route->body == BODY_FILE) {
        while (len) {
            ssize_t n = write(r->body_fd, data, len);
            if (n < 0) {
                r->body_too_big = true; /* disk full: answered below as a storage error */
                return false;
            }
            data += n;
            len -= (size_t)n;
        }
        return true;
    }
    if (r->route->body == BODY_JSON)
        strbuf_add(&r->body, data, len);
    return true;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **ctx)
{
    struct server *s = cls;
    struct req *r = *ctx;
    if (!r) {
        r = calloc(1, sizeof(*r));
        if (!r)
            return MHD_NO;
        *ctx = r;
        r->s = s;
        r->conn = conn;
        r->method = method;
        r->start = now_s();
        r->body_fd = -1;
        snprintf(r->path, sizeof(r->path), "%s", url);
        if (!first_call(s, r, url))
            r->dispatched = true; /* answered already */
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!r->dispatched && r->route && !take_body(r, upload_data, *upload_data_size) &&
            r->route->body != BODY_NONE) {
            r->dispatched = true;
            uint64_t max = r->route->body == BODY_FILE ? PACKAGE_BODY_MAX : JSON_BODY_MAX;
            reply_problem(r, 413, "the body is larger than the %llu bytes accepted here",
                          (unsigned long long)max);
            if (r->status != 413)
                return MHD_NO; /* cannot answer mid-upload here: close rather than read on */
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (r->dispatched)
        return MHD_YES;
    r->dispatched = true;
    if (!r->route) { /* a file of the front end (first_call let it through) */
        http_serve_static(s, r);
        return MHD_YES;
    }
    if (r->body_fd >= 0 && lseek(r->body_fd, 0, SEEK_SET) < 0) {
        reply_problem(r, 500, "cannot read the upload back");
        return MHD_YES;
    }
    r->route->fn(s, r);
    if (!r->status)
        reply_problem(r, 500, "the handler gave no answer");
    const char *action = r->route->audit;
    if (action && r->status >= 200 && r->status < 300 &&
        (r->who.role == ROLE_TEAM || r->who.role == ROLE_ADMIN)) {
        dbc *c = db_get(s->db);
        if (!c || audit_record(c, &r->who, action, r->method, r->path, r->status,
                               r->audit_target[0] ? r->audit_target : NULL, r->audit_detail))
            fprintf(stderr, "judged: cannot record %s %s in the audit log\n", r->method, r->path);
        db_put(s->db, c);
    }
    return MHD_YES;
}

/* `in` for the access log: control characters, quotes, backslashes and bytes past ASCII as \xHH. */
static void log_escape(const char *in, char *out, size_t size)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)(in ? in : ""); *p && n + 5 < size; p++) {
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
            n += (size_t)snprintf(out + n, size - n, "\\x%02x", *p);
        else
            out[n++] = (char)*p;
    }
    out[n] = '\0';
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **ctx,
                         enum MHD_RequestTerminationCode toe)
{
    struct server *s = cls;
    struct req *r = *ctx;
    if (!r)
        return;
    double ms = (now_s() - r->start) * 1000;
    time_t t = time(NULL);
    struct tm tm;
    char ts[32];
    gmtime_r(&t, &tm);
    strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* What the client chose is escaped: a line of the log is one request, never a forged one. */
    char method[64], path[4 * sizeof(r->path)];
    log_escape(r->method, method, sizeof(method));
    log_escape(r->path, path, sizeof(path));
    fprintf(stderr, "%s %s \"%s %s\" %u %llu %.1fms%s\n", ts, r->client, method, path, r->status,
            (unsigned long long)r->bytes, ms,
            toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (aborted)");
    metrics_http(s->metrics,
                 r->route                        ? r->route->name
                 : !strncmp(r->path, "/api/", 5) ? "unknown"
                                                 : "static",
                 r->status);
    if (r->body_fd >= 0)
        close(r->body_fd);
    if (r->body_path[0])
        unlink(r->body_path);
    strbuf_release(&r->body);
    json_decref(r->audit_detail);
    free(r);
    *ctx = NULL;
}

/*** Connection accounting ***/

/*
 * Connections per address, so that a handful of addresses cannot take every connection: an
 * address has at most cfg.per_ip_connections, and once half of cfg.max_connections are open
 * (the reserve), an address that holds CONN_SHARE_UNDER_PRESSURE already gets no more. Filling
 * the whole cap then takes max/2/per_ip + max/2/CONN_SHARE_UNDER_PRESSURE addresses (68 with the
 * defaults), and a newcomer always finds room in the reserve. Counted when libmicrohttpd starts
 * and closes a connection; read by its accept policy, in the listening thread. Thread-safe.
 */
#define CONN_SHARE_UNDER_PRESSURE 4

struct conn_count {
    char addr[INET6_ADDRSTRLEN];
    unsigned n;
};

static struct {
    pthread_mutex_t lock;
    struct conn_count *by_addr; /* unsorted; one entry per address with a connection open */
    size_t naddr, cap;
    unsigned total, max, per_ip;
} conns = {.lock = PTHREAD_MUTEX_INITIALIZER};

static bool sockaddr_text(const struct sockaddr *sa, char out[INET6_ADDRSTRLEN])
{
    if (!sa)
        return false;
    if (sa->sa_family == AF_INET)
        return inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out,
                         INET6_ADDRSTRLEN) != NULL;
    if (sa->sa_family == AF_INET6)
        return inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
                         INET6_ADDRSTRLEN) != NULL;
    return false;
}

/* The entry of `addr`, or NULL. Under the lock. */
static struct conn_count *conn_find(const char *addr)
{
    for (size_t i = 0; i < conns.naddr; i++)
        if (!strcmp(conns.by_addr[i].addr, addr))
            return &conns.by_addr[i];
    return NULL;
}

static enum MHD_Result on_accept(void *cls, const struct sockaddr *sa, socklen_t len)
{
    char addr[INET6_ADDRSTRLEN];
    if (!sockaddr_text(sa, addr))
        return MHD_YES;
    pthread_mutex_lock(&conns.lock);
    struct conn_count *c = conn_find(addr);
    unsigned mine = c ? c->n : 0;
    bool ok =
        mine < conns.per_ip && (conns.total < conns.max / 2 || mine < CONN_SHARE_UNDER_PRESSURE);
    pthread_mutex_unlock(&conns.lock);
    return ok ? MHD_YES : MHD_NO;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_ctx,
                          enum MHD_ConnectionNotificationCode code)
{
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        char addr[INET6_ADDRSTRLEN];
        *socket_ctx = NULL;
        if (!ci || !sockaddr_text(ci->client_addr, addr))
            return;
        pthread_mutex_lock(&conns.lock);
        struct conn_count *c = conn_find(addr);
        if (!c && conns.naddr == conns.cap) {
            size_t ncap = conns.cap ? 2 * conns.cap : 64;
            struct conn_count *grown = realloc(conns.by_addr, ncap * sizeof(*grown));
            if (grown) {
                conns.by_addr = grown;
                conns.cap = ncap;
            }
        }
        if (!c && conns.naddr < conns.cap) {
            c = &conns.by_addr[conns.naddr++];
            snprintf(c->addr, sizeof(c->addr), "%s", addr);
            c->n = 0;
        }
        if (c) {
            c->n++;
            conns.total++;
            *socket_ctx = (void *)1; /* counted: uncount when it closes */
        }
        pthread_mutex_unlock(&conns.lock);
        return;
    }
    if (code != MHD_CONNECTION_NOTIFY_CLOSED || !*socket_ctx)
        return;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char addr[INET6_ADDRSTRLEN];
    if (!ci || !sockaddr_text(ci->client_addr, addr))
        return;
    pthread_mutex_lock(&conns.lock);
    struct conn_count *c = conn_find(addr);
    if (c) {
        conns.total--;
        if (--c->n == 0)
            *c = conns.by_addr[--conns.naddr]; /* the last entry takes its place */
    }
    pthread_mutex_unlock(&conns.lock);
    *socket_ctx = NULL;
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len)
{
    char host[256];
    const char *colon = strrchr(listen, ':');
    if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof(host))
        return -EINVAL;
    memcpy(host, listen, (size_t)(colon - listen));
    host[colon - listen] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || port < 0 || port > 65535)
        return -EINVAL;
    memset(ss, 0, sizeof(*ss));
    char *h = host;
    if (h[0] == '[' && h[strlen(h) - 1] == ']') {
        h[strlen(h) - 1] = '\0';
        h++;
    }
    struct sockaddr_in *a4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
    if (inet_pton(AF_INET, !strcmp(h, "localhost") ? "127.0.0.1" : h, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
        *len = sizeof(*a4);
    } else if (inet_pton(AF_INET6, h, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *len = sizeof(*a6);
    } else {
        return -EINVAL;
    }
    return 0;
}

int http_start(struct server *s, struct MHD_Daemon **out, unsigned *port)
{
    struct sockaddr_storage ss;
    socklen_t sslen;
    if (parse_listen(s->cfg.listen, &ss, &sslen))
        return -EINVAL;
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_POLL | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    pthread_mutex_lock(&conns.lock);
    conns.max = s->cfg.max_connections;
    conns.per_ip = s->cfg.per_ip_connections;
    pthread_mutex_unlock(&conns.lock);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, on_accept, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_CONNECTION_LIMIT, s->cfg.max_connections, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        s->cfg.per_ip_connections, MHD_OPTION_CONNECTION_TIMEOUT, s->cfg.conn_timeout_s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_NOTIFY_CONNECTION, on_connection,
        NULL, MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024, MHD_OPTION_THREAD_STACK_SIZE,
        (size_t)(512u << 10), MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
    if (!d)
        return -EADDRINUSE;
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    *port = di ? di->port : 0;
    *out = d;
    return 0;
}

void http_quiesce(struct MHD_Daemon *d)
{
    int fd = MHD_quiesce_daemon(d);
    if (fd >= 0)
        close(fd);
}

void http_stop(struct MHD_Daemon *d)
{
    if (d)
        MHD_stop_daemon(d);
    pthread_mutex_lock(&conns.lock);
    free(conns.by_addr);
    conns.by_addr = NULL;
    conns.naddr = conns.cap = 0;
    conns.total = 0;
    pthread_mutex_unlock(&conns.lock);
}
