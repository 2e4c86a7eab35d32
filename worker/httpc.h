/* httpc: the remote worker's small HTTP client over libcurl, one connection per client. */
#ifndef WORKER_HTTPC_H
#define WORKER_HTTPC_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>

#include "strbuf.h"

/*
 * One client per thread: a client is not thread-safe, but distinct clients are independent
 * (curl_global_init must have run before the first). `base` and `auth` are borrowed and outlive
 * the client; `stop` (borrowed, may be NULL) aborts the transfers asked to abort when it turns
 * non-zero.
 */
struct httpc {
    CURL *curl;
    char err[CURL_ERROR_SIZE]; /* why the last call got no answer */
    const char *base;          /* the server's base URL, no trailing slash */
    const char *auth;          /* "Authorization: Bearer TOKEN" */
    const volatile int *stop;
};

/* An answer: the status and the body (release it with strbuf_release). */
struct httpc_answer {
    long status;
    struct strbuf body;
};

/* 0, or -ENOMEM. */
int httpc_init(struct httpc *c, const char *base, const char *auth, const volatile int *stop);
/* Accepts a client never initialised or released already (zeroed). */
void httpc_release(struct httpc *c);

/*
 * One request: `method` ("GET" or "POST") of base + `path` with the JSON body `json` (borrowed)
 * or none, given `timeout_s` in all. The body goes into a->body (at most body_max bytes, past
 * which the transfer fails), or into `file` when given (at most `file_max` bytes). With
 * `abortable`, the transfer ends early when *stop turns non-zero. Returns 0 when an answer came
 * (any status: release a->body), -EIO when none did (c->err says why; nothing to release).
 */
int httpc_call(struct httpc *c, const char *method, const char *path, const char *json,
               long timeout_s, bool abortable, struct httpc_answer *a, size_t body_max, FILE *file,
               curl_off_t file_max);

/* What the server said was wrong (problem+json "detail"), for a log line, into `out`. */
void httpc_detail(const struct httpc_answer *a, char *out, size_t size);

#endif
