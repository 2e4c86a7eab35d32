/* http: the libmicrohttpd front: routing by table, request bodies with caps, replies, access log.
 */
#ifndef SERVER_HTTP_H
#define SERVER_HTTP_H

#include <jansson.h>
#include <limits.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stdint.h>

#include "auth.h"
#include "server.h"
#include "strbuf.h"

enum access {
    ACCESS_ANY,       /* anyone; a token, when sent, must be valid */
    ACCESS_TOKEN,     /* a team's or the admin's token */
    ACCESS_CANDIDATE, /* an invite's token */
    ACCESS_ADMIN,
    ACCESS_WORKER,
};

enum body_kind { BODY_NONE, BODY_JSON, BODY_FILE };

struct req;
typedef void (*handler_fn)(struct server *s, struct req *r);

/* What a route is, besides who may call it (the flags of struct route). */
enum route_flag {
    ROUTE_CANDIDATE = 1u << 0,      /* an ACCESS_ANY route that candidates may use too */
    ROUTE_RATE_EXEMPT = 1u << 1,    /* never rate-limited: probes and scrapers are not clients */
    ROUTE_WHILE_STOPPING = 1u << 2, /* answered while the judge stops (health probes) */
    ROUTE_NO_SESSION = 1u << 3,     /* the session cookie is not read (signing in makes one) */
};

struct route {
    const char *method;
    const char *pattern; /* "/api/v1/problems/{}": {} matches one path segment */
    const char *name;    /* for metrics */
    enum access access;
    enum body_kind body;
    handler_fn fn;
    unsigned flags;    /* ROUTE_* */
    const char *audit; /* the audit log's action ("problem.import") for its 2xx by a team or the
                          admin, or NULL: not audited */
    enum team_role team_role; /* the least role within a team (a member's or a key's) that may
                                 call it; 0 reads as TEAM_ADMIN. The instance admin may call all */
};

#define REQ_PARAMS  3
#define REQ_HEADERS 4

struct req {
    struct server *s;
    struct MHD_Connection *conn;
    const struct route *route;
    const char *method;
    char path[1024];
    char params[REQ_PARAMS][256];
    struct principal who;
    char client[64];
    /* The body: JSON in memory, packages in a file. */
    struct strbuf body;
    int body_fd;
    char body_path[PATH_MAX];
    uint64_t body_len;
    bool body_too_big;
    bool dispatched;
    /* Filled when answering, for the access log. */
    unsigned status;
    uint64_t bytes;
    double start;
    char extra_headers[REQ_HEADERS][2][128];
    int nextra;
    /* For the audit log: what the action changed (owned, set by the handler, may stay NULL),
     * and the id of what it created (taken from the JSON answer's "id"). */
    json_t *audit_detail;
    char audit_target[72];
    /* The session cookie's token when the request was signed in by it (who.login_id set). */
    char session[64];
};

/* Starts serving on cfg.listen; the port actually bound goes into *port. */
int http_start(struct server *s, struct MHD_Daemon **out, unsigned *port);
/* Stops taking connections, then waits for the open ones to end. */
void http_quiesce(struct MHD_Daemon *d);
void http_stop(struct MHD_Daemon *d);

/* Adds a header to the reply about to be sent. */
void http_header(struct req *r, const char *name, const char *value);
/* A request header or query argument; NULL when absent. */
const char *http_request_header(struct req *r, const char *name);
const char *http_query(struct req *r, const char *name);

/* Replies: each request gets exactly one. `body` is stolen. */
void reply_json(struct req *r, unsigned status, json_t *body);
void reply_bytes(struct req *r, unsigned status, const char *content_type, const void *data,
                 size_t len);
/* RFC 9457 problem+json: `detail` says what was wrong and how to do it right. */
void reply_problem(struct req *r, unsigned status, const char *detail_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same with a list of {"pointer", "detail"} field errors (422); `errors` is stolen. */
void reply_problem_errors(struct req *r, unsigned status, json_t *errors, const char *detail_fmt,
                          ...) __attribute__((format(printf, 4, 5)));
/* A problem+json object made elsewhere (its "status" is used); `problem` is stolen. */
void reply_problem_json(struct req *r, json_t *problem);
void reply_empty(struct req *r, unsigned status);

/* Server-Sent Events: `next` fills the buffer with what to send, blocking as it likes. */
typedef ssize_t (*stream_fn)(void *ud, uint64_t pos, char *buf, size_t max);
void reply_stream(struct req *r, const char *content_type, stream_fn next, void *ud,
                  void (*free_ud)(void *ud));

/* The standard reason phrase of a status. */
const char *http_reason(unsigned status);

/* Answers a GET of the web front end from the --web folder (index.html for the app's own paths),
 * precompressed when the client accepts it; 404 as problem+json for anything else. */
void http_serve_static(struct server *s, struct req *r);

/* The routes the API module defines, NULL-terminated by a route with method NULL. */
extern const struct route api_routes[];
/*
 * The route of `method` on `path` (HEAD finds GET's), with the values of its {} segments in
 * `params`, or NULL. *path_known says whether any route has that path, and `allow` (of `asz`
 * bytes) lists their methods, "GET, PUT", for a 405. Reads the table only: thread-safe.
 */
const struct route *http_route_find(const char *method, const char *path,
                                    char params[REQ_PARAMS][256], bool *path_known, char *allow,
                                    size_t asz);

/* Parses the JSON body of `r` as an object (a new reference the caller releases), replying 400
 * (and returning NULL) when it is not. */
json_t *http_json_body(struct req *r);

#endif
