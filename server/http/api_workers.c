/*
 * The HTTP side of remote workers (ACCESS_WORKER) and of their tokens (the admin's): each handler
 * checks what the worker sent, calls the leases module, and renders its answer. leases.c says
 * how leases work; docs/workers.md what a worker sees.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "errmap.h"
#include "leases.h"
#include "metrics.h"
#include "pkg.h"
#include "caps.h"
#include "queue.h"
#include "server_caps.h"

/* The longest ?wait= of a claim, in seconds. */
#define CLAIM_WAIT_MAX 30
#define TOKEN_NAME_MAX 100

/* The answer to an action on a lease that is not current (-ESTALE), or another failure. */
static void reply_lease_error(struct req *r, int rc, const char *doing)
{
    if (rc == -ESTALE)
        reply_problem(r, http_status_of_errno(rc),
                      "lease '%.64s' is not current: it expired and the submission went back to "
                      "the queue, or it was released, or its result is recorded; drop the job",
                      r->params[0]);
    else
        reply_problem(r, http_status_of_errno(rc), "cannot %s: %s", doing, strerror(-rc));
}

/*** Reading what workers send ***/

/* A string field of at most `max` bytes (non-empty unless `empty_ok`); NULL when wrong. */
static const char *str_field(json_t *o, const char *key, const char *at, size_t max, bool required,
                             bool empty_ok, json_t *errors)
{
    json_t *v = json_object_get(o, key);
    char where[128];
    snprintf(where, sizeof(where), "%s%s", at, key);
    if (!v || json_is_null(v)) {
        if (required)
            api_field_error(errors, where, "is required");
        return NULL;
    }
    const char *s = json_string_value(v);
    if (!s)
        api_field_error(errors, where, "must be a string");
    else if ((!*s && !empty_ok) || strlen(s) > max)
        api_field_error(errors, where, "must have %s to %zu bytes", empty_ok ? "0" : "1", max);
    else
        return s;
    return NULL;
}

/* A non-negative integer field; -1 when wrong (an error is added) or absent and optional. */
static int64_t count_field(json_t *o, const char *key, const char *at, bool required,
                           json_t *errors)
{
    json_t *v = json_object_get(o, key);
    char where[128];
    snprintf(where, sizeof(where), "%s%s", at, key);
    if (!v) {
        if (required)
            api_field_error(errors, where, "is required");
        return -1;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0) {
        api_field_error(errors, where, "must be a non-negative integer");
        return -1;
    }
    return json_integer_value(v);
}

/* A test of a progress event or of a result, checked; `at` prefixes the field pointers. */
static void read_test(json_t *t, const char *at, struct test_row *out, json_t *errors)
{
    memset(out, 0, sizeof(*out));
    if (!json_is_object(t)) {
        char where[64];
        snprintf(where, sizeof(where), "%.*s", (int)strlen(at) - 1, at);
        api_field_error(errors, where, "must be an object");
        return;
    }
    /* Borrowed from the body: the casts drop const, nothing is written through them. */
    out->name = (char *)str_field(t, "name", at, REPORT_NAME_MAX, true, false, errors);
    out->group = (char *)str_field(t, "group", at, REPORT_GROUP_MAX, true, false, errors);
    out->verdict = (char *)str_field(t, "verdict", at, 3, true, false, errors);
    enum verdict v;
    if (out->verdict && verdict_parse(out->verdict, &v)) {
        char where[128];
        snprintf(where, sizeof(where), "%sverdict", at);
        api_field_error(errors, where, "must be a verdict code (AC, WA, TLE, ...)");
        out->verdict = NULL;
    }
    out->message = (char *)str_field(t, "message", at, REPORT_MESSAGE_MAX, false, true, errors);
    json_t *sample = json_object_get(t, "sample");
    if (sample && !json_is_boolean(sample)) {
        char where[128];
        snprintf(where, sizeof(where), "%ssample", at);
        api_field_error(errors, where, "must be true or false");
    }
    out->sample = json_is_true(sample);
    out->time_ms = count_field(t, "time_ms", at, true, errors);
    out->memory_kb = count_field(t, "memory_kb", at, true, errors);
    /* Workers older than wall_ms do not send it: optional, 0 when absent. */
    out->wall_ms = json_object_get(t, "wall_ms") ? count_field(t, "wall_ms", at, true, errors) : 0;
}

/*** Leases ***/

/* Has the client hung up? A long-polling claim must not lease a job to nobody. */
static bool peer_gone(struct req *r)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!ci)
        return false;
    char b;
    ssize_t n = recv(ci->connect_fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

static json_t *job_json(const struct lease_job *l)
{
    json_t *problem = json_null();
    if (l->has_problem) {
        char package[128];
        snprintf(package, sizeof(package), "/api/v1/worker/packages/%s", l->hash);
        problem = json_pack("{s:s, s:I, s:s, s:I, s:s}", "slug", l->slug, "version_id",
                            (json_int_t)l->job.version_id, "hash", l->hash, "time_limit_ms",
                            (json_int_t)l->time_limit_ms, "package", package);
    }
    return json_pack("{s:{s:s, s:s, s:I, s:i, s:i, s:s, s:s, s:o}}", "job", "submission", l->job.id,
                     "lease_id", l->lease_id, "lease_expires_at", (json_int_t)l->expires_at,
                     "lease_s", (int)l->lease_s, "heartbeat_s", (int)l->heartbeat_s, "language",
                     l->job.language, "source", l->job.source, "problem",
                     problem ? problem : json_null());
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

void api_worker_claim(struct server *s, struct req *r)
{
    unsigned wait = 0;
    const char *w = http_query(r, "wait");
    if (w) {
        char *end;
        long v = strtol(w, &end, 10);
        if (!*w || *end || v < 0 || v > CLAIM_WAIT_MAX) {
            json_t *e = json_array();
            api_field_error(e, "wait", "must be a number of seconds from 0 to %d", CLAIM_WAIT_MAX);
            reply_problem_errors(r, 422, e, "invalid query parameter");
            return;
        }
        wait = (unsigned)v;
        if (wait > s->cfg.wait_max_s)
            wait = s->cfg.wait_max_s;
    }
    leases_touch(s, &r->who); /* an idle worker is seen too: GET /api/v1/workers/tokens */
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        struct lease_job job;
        int rc = leases_claim(s, &r->who, &job);
        if (!rc) {
            reply_json(r, 200, job_json(&job));
            job_release(&job.job);
            return;
        }
        if (rc != -ENOENT) {
            reply_problem(r, http_status_of_errno(rc), "cannot read the queue: %s", strerror(-rc));
            return;
        }
        clock_gettime(CLOCK_MONOTONIC, &t);
        if (s->stopping || t.tv_sec - t0.tv_sec >= (time_t)wait || peer_gone(r))
            break;
        sleep_ms(100);
    }
    reply_empty(r, 204);
}

void api_worker_heartbeat(struct server *s, struct req *r)
{
    int64_t expires = 0;
    int rc = leases_heartbeat(s, &r->who, r->params[0], &expires);
    if (rc) {
        reply_lease_error(r, rc, "extend the lease");
        return;
    }
    reply_json(
        r, 200,
        json_pack("{s:s, s:I}", "lease_id", r->params[0], "lease_expires_at", (json_int_t)expires));
}

void api_worker_release(struct server *s, struct req *r)
{
    char id[SUBMISSION_ID_LEN + 1];
    int rc = leases_release(s, &r->who, r->params[0], id);
    if (rc) {
        reply_lease_error(r, rc, "release the lease");
        return;
    }
    reply_empty(r, 204);
}

void api_worker_progress(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    const char *status = str_field(body, "status", "", 16, false, false, errors);
    if (status && strcmp(status, "compiling") && strcmp(status, "running")) {
        api_field_error(errors, "status", "must be 'compiling' or 'running'");
        status = NULL;
    }
    const char *output =
        str_field(body, "compile_output", "", REMOTE_COMPILE_OUTPUT_MAX, false, true, errors);
    json_t *test = json_object_get(body, "test");
    struct test_row t = {0};
    if (test) {
        read_test(test, "test/", &t, errors);
        t.index = count_field(test, "index", "test/", true, errors);
    }
    if (!status && !test && !json_array_size(errors))
        api_field_error(errors, "status", "a progress event has a status or a test");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid progress event");
        errors = NULL;
        goto out;
    }
    char id[SUBMISSION_ID_LEN + 1];
    int rc = leases_current(s, &r->who, r->params[0], id);
    if (rc) {
        reply_lease_error(r, rc, "read the lease");
        goto out;
    }
    if (status)
        queue_live_status(s, id, status, output ? output : "");
    if (test)
        queue_live_test(s, id, &t); /* kept whole; render.c says what each viewer sees of it */
    reply_empty(r, 204);
out:
    json_decref(errors);
    json_decref(body);
}

/* The result body, checked: 0, or -EINVAL with `errors` saying what is wrong, -ENOMEM. The
 * tests (out->tests, to free()) borrow the body's strings. */
static int read_result(json_t *body, struct judged_result *out, json_t *errors)
{
    const char *verdict = str_field(body, "verdict", "", 3, true, false, errors);
    if (verdict && verdict_parse(verdict, &out->verdict))
        api_field_error(errors, "verdict", "must be a verdict code (AC, WA, TLE, ...)");
    static const char *const nums[] = {"score", "max_score"};
    double *vals[] = {&out->score, &out->max_score};
    for (int i = 0; i < 2; i++) {
        json_t *v = json_object_get(body, nums[i]);
        if (!v)
            api_field_error(errors, nums[i], "is required");
        else if (!json_is_number(v) || json_number_value(v) < 0 || json_number_value(v) > 1e9)
            api_field_error(errors, nums[i], "must be a number from 0 to 1e9");
        else
            *vals[i] = json_number_value(v);
    }
    out->time_ms = count_field(body, "time_ms", "", true, errors);
    out->memory_kb = count_field(body, "memory_kb", "", true, errors);
    out->compile_output =
        str_field(body, "compile_output", "", REMOTE_COMPILE_OUTPUT_MAX, false, true, errors);
    out->error = str_field(body, "error", "", 4096, false, true, errors);
    json_t *tests = json_object_get(body, "tests");
    if (!json_is_array(tests)) {
        api_field_error(errors, "tests", "must be an array (empty when nothing ran)");
    } else if (json_array_size(tests) > PKG_MAX_TESTS) {
        api_field_error(errors, "tests", "must have at most %d tests", PKG_MAX_TESTS);
    } else {
        size_t n = json_array_size(tests);
        struct test_row *rows = calloc(n ? n : 1, sizeof(*rows));
        if (!rows)
            return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
            char at[32];
            snprintf(at, sizeof(at), "tests/%zu/", i);
            read_test(json_array_get(tests, i), at, &rows[i], errors);
            rows[i].index = (int64_t)i;
        }
        out->tests = rows;
        out->ntests = n;
    }
    return json_array_size(errors) ? -EINVAL : 0;
}

void api_worker_result(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    struct judged_result res = {0};
    int rc = read_result(body, &res, errors);
    if (rc == -EINVAL) {
        reply_problem_errors(r, 422, errors, "invalid result");
        errors = NULL;
        goto out;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the result: %s", strerror(-rc));
        goto out;
    }
    char id[SUBMISSION_ID_LEN + 1] = "";
    double seconds = 0;
    rc = leases_record(s, &r->who, r->params[0], &res, id, &seconds);
    if (rc == -ESTALE)
        fprintf(stderr, "judged: a result for stale lease '%.64s' was refused\n", r->params[0]);
    if (rc) {
        reply_lease_error(r, rc, "record the result");
        goto out;
    }
    queue_live_end(s, id);
    metrics_judgement(s->metrics, verdict_code(res.verdict), seconds);
    if (res.verdict == V_IE)
        fprintf(stderr, "judged: submission %s: internal error on a remote worker: %s\n", id,
                res.error ? res.error : "");
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:s}", "id", id, "status", "done", "verdict",
                         verdict_code(res.verdict)));
out:
    free((void *)res.tests);
    json_decref(errors);
    json_decref(body);
}

/*** Packages ***/

static ssize_t read_fd(void *ud, uint64_t pos, char *buf, size_t max)
{
    int fd = (int)(intptr_t)ud;
    ssize_t n = pread(fd, buf, max, (off_t)pos);
    if (n == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    return n < 0 ? MHD_CONTENT_READER_END_WITH_ERROR : n;
}

static void close_fd(void *ud)
{
    close((int)(intptr_t)ud);
}

void api_worker_package(struct server *s, struct req *r)
{
    const char *hash = r->params[0];
    int fd = -1;
    int rc = leases_package_open(s, hash, &fd);
    if (rc == -EINVAL || rc == -ENOENT) {
        /* Not found either way: a path that is no hash names no package. */
        if (rc == -EINVAL)
            reply_problem(r, 404, "'%.64s' is not a package hash (64 lowercase hex digits)", hash);
        else
            reply_problem(r, 404, "no stored package %s", hash);
        return;
    }
    if (rc) {
        fprintf(stderr, "judged: cannot archive package %s: %s\n", hash, strerror(-rc));
        reply_problem(r, http_status_of_errno(rc), "cannot archive package %s", hash);
        return;
    }
    char disp[128];
    snprintf(disp, sizeof(disp), "attachment; filename=\"%s.tar.gz\"", hash);
    http_header(r, "Content-Disposition", disp);
    reply_stream(r, "application/gzip", read_fd, (void *)(intptr_t)fd, close_fd);
}

/*** Worker tokens ***/

void api_worker_token_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    const char *name = str_field(body, "name", "", TOKEN_NAME_MAX, true, false, errors);
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid field");
        errors = NULL;
        goto out;
    }
    struct worker_token t;
    int rc = leases_token_create(s, name, &t);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot create the worker token: %s",
                      strerror(-rc));
        goto out;
    }
    reply_json(r, 201,
               json_pack("{s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)t.id, "name", t.name,
                         "role", "worker", "token", t.token, "created_at",
                         (json_int_t)t.created_at));
out:
    json_decref(errors);
    json_decref(body);
}

static json_t *time_or_null(int64_t ms)
{
    return ms ? json_integer(ms) : json_null();
}

void api_worker_tokens_list(struct server *s, struct req *r)
{
    struct worker_token *rows = NULL;
    size_t n = 0;
    int rc = leases_tokens_list(s, &rows, &n);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the worker tokens: %s",
                      strerror(-rc));
        return;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, json_pack("{s:I, s:s, s:I, s:o, s:o, s:I}", "id",
                                              (json_int_t)rows[i].id, "name", rows[i].name,
                                              "created_at", (json_int_t)rows[i].created_at,
                                              "revoked_at", time_or_null(rows[i].revoked_at),
                                              "last_seen_at", time_or_null(rows[i].last_seen_at),
                                              "leases", (json_int_t)rows[i].leases));
    free(rows);
    reply_json(r, 200, json_pack("{s:o}", "tokens", list));
}
