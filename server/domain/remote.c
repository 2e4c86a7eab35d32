/*
 * Remote workers: judges on other machines pull submissions over HTTP, as DOMjudge's judgehosts
 * do, from the same queue the local worker threads use.
 *
 *   claim      the queue picks the next submission (round robin across clients, as for local
 *              workers) and one UPDATE ... RETURNING moves it to compiling with a lease (a
 *              random id, an expiry, the worker's token), so a submission is never handed out
 *              twice, whoever claims;
 *   heartbeat  moves the expiry on; a lease not extended in time is swept back to the queue
 *              (the worker died or lost the network) by a thread of its own;
 *   progress   feeds the live results (GET, the event stream) as local workers do;
 *   result     is recorded in one transaction guarded on the lease being current, so a
 *              submission gets exactly one result however many workers judged it: a stale
 *              lease gets 409 and nothing is written;
 *   release    puts the submission back (the worker is stopping).
 *
 * Packages go to workers as tar.gz archives made once per content hash (cache/HASH.tar.gz) and
 * streamed from the file; the worker checks the hash of what it unpacked.
 */
#define _GNU_SOURCE
#include "remote.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "fsutil.h"
#include "metrics.h"
#include "queue.h"
#include "render.h"

#define LEASE_ID_LEN   32
#define TOKEN_NAME_MAX 100
#define SWEEP_EVERY_MS 1000

static pthread_t sweeper;
static bool sweeper_started;
/* One archive is written at a time: two workers asking for a new package at once get one copy. */
static pthread_mutex_t archive_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned lease_seconds(const struct server *s)
{
    return s->cfg.lease_s ? s->cfg.lease_s : REMOTE_LEASE_S_DEFAULT;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/*** The sweep ***/

long remote_sweep(struct server *s)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "UPDATE submissions SET status = 'queued', started_at = NULL, "
                                  "lease_id = NULL, lease_expires_at = NULL, "
                                  "worker_token_id = NULL WHERE lease_id IS NOT NULL AND "
                                  "status = 'compiling' AND lease_expires_at < ? RETURNING id",
                                  "i", db_now_ms());
    long n = st ? 0 : -EIO;
    int step = SQLITE_DONE;
    while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        queue_live_end(s, id);
        fprintf(stderr,
                "judged: the lease on submission %s expired (its worker is gone); "
                "back in the queue\n",
                id);
        n++;
    }
    if (st && step != SQLITE_DONE)
        n = -EIO;
    sqlite3_finalize(st);
    db_release(s->db, c);
    return n;
}

static void *sweep_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        long n = remote_sweep(s);
        if (n > 0)
            queue_wake_all(s);
        for (unsigned t = 0; t < SWEEP_EVERY_MS && !s->stopping; t += 100)
            sleep_ms(100);
    }
    return NULL;
}

int remote_start(struct server *s)
{
    int rc = pthread_create(&sweeper, NULL, sweep_main, s);
    if (rc)
        return -rc;
    sweeper_started = true;
    return 0;
}

void remote_stop(struct server *s)
{
    (void)s;
    if (sweeper_started)
        pthread_join(sweeper, NULL);
    sweeper_started = false;
}

/*** Leases ***/

static void touch_token(struct server *s, sqlite3 *c, const struct principal *who)
{
    if (who->token_id)
        db_exec(c, "UPDATE tokens SET last_seen_at = ? WHERE id = ?", "ii", db_now_ms(),
                who->token_id);
}

/* The owner clause: a worker acts on its own leases only; the admin on any. */
#define LEASE_OWNER "(? OR coalesce(worker_token_id, 0) = ?)"

static void reply_stale(struct req *r)
{
    reply_problem(r, 409,
                  "lease '%.64s' is not current: it expired and the submission went back to the "
                  "queue, or it was released, or its result is recorded; drop the job",
                  r->params[0]);
}

/*
 * The submission holding the current lease r->params[0] of the caller: its id into `id`.
 * 0, -ENOENT (no such current lease), -EIO.
 */
static int lease_current(struct server *s, struct req *r, char id[SUBMISSION_ID_LEN + 1])
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st =
        db_prepare(c,
                   "SELECT id FROM submissions WHERE lease_id = ? AND "
                   "status = 'compiling' AND " LEASE_OWNER,
                   "sii", r->params[0], (int64_t)(r->who.role == ROLE_ADMIN), r->who.token_id);
    int rc = -EIO;
    if (st) {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            snprintf(id, SUBMISSION_ID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 0));
            rc = 0;
        } else if (step == SQLITE_DONE) {
            rc = -ENOENT;
        }
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    return rc;
}

struct lease_take {
    const char *lease;
    int64_t now, expires, token_id;
    /* out */
    char id[SUBMISSION_ID_LEN + 1];
    int64_t version_id;
    char *language, *source;
};

/* Leases row `seq` (queue_take_fn): the queue picks which, fairly across clients. */
static int take_leased(sqlite3 *c, int64_t seq, void *ud)
{
    struct lease_take *t = ud;
    sqlite3_stmt *st = db_prepare(c,
                                  "UPDATE submissions SET status = 'compiling', attempts = "
                                  "attempts + 1, started_at = ?, lease_id = ?, "
                                  "lease_expires_at = ?, worker_token_id = nullif(?, 0) "
                                  "WHERE seq = ? AND status = 'queued' "
                                  "RETURNING id, version_id, language, source",
                                  "isiii", t->now, t->lease, t->expires, t->token_id, seq);
    int rc = -EIO;
    if (st) {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            snprintf(t->id, sizeof(t->id), "%s", (const char *)sqlite3_column_text(st, 0));
            t->version_id = sqlite3_column_int64(st, 1);
            t->language = db_column_strdup(st, 2);
            t->source = db_column_strdup(st, 3);
            rc = t->language && t->source ? 0 : -ENOMEM;
        } else if (step == SQLITE_DONE) {
            rc = -ENOENT;
        }
        while (step == SQLITE_ROW)
            step = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Claims the next queued submission for `who` (fairly across clients): the job's JSON into *job.
 * 0, -ENOENT, -EIO. */
static int claim_one(struct server *s, const struct principal *who, json_t **job)
{
    sqlite3 *c = db_acquire(s->db);
    /* A read first: an empty queue costs no write lock, however many workers wait on it. */
    sqlite3_stmt *st =
        db_prepare(c, "SELECT 1 FROM submissions WHERE status = 'queued' LIMIT 1", "");
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    sqlite3_finalize(st);
    if (step != SQLITE_ROW) {
        db_release(s->db, c);
        return step == SQLITE_DONE ? -ENOENT : -EIO;
    }
    char lease[LEASE_ID_LEN + 1];
    auth_random_hex(lease, LEASE_ID_LEN / 2);
    unsigned secs = lease_seconds(s);
    int64_t now = db_now_ms(), expires = now + (int64_t)secs * 1000;
    struct lease_take t = {
        .lease = lease, .now = now, .expires = expires, .token_id = who->token_id};
    int rc = queue_claim_fair(s, c, take_leased, &t);
    char *id = t.id, *language = t.language, *source = t.source;
    int64_t version_id = t.version_id;
    json_t *problem = NULL;
    if (!rc) {
        st = db_prepare(c, "SELECT slug, hash, time_limit_ms FROM problem_versions WHERE id = ?",
                        "i", version_id);
        if (st && sqlite3_step(st) == SQLITE_ROW) {
            const char *hash = (const char *)sqlite3_column_text(st, 1);
            char package[128];
            snprintf(package, sizeof(package), "/api/v1/worker/packages/%s", hash);
            problem = json_pack("{s:s, s:I, s:s, s:I, s:s}", "slug", sqlite3_column_text(st, 0),
                                "version_id", (json_int_t)version_id, "hash", hash, "time_limit_ms",
                                (json_int_t)sqlite3_column_int64(st, 2), "package", package);
        }
        sqlite3_finalize(st);
    }
    db_release(s->db, c);
    if (!rc) {
        unsigned beat = secs / 3 ? secs / 3 : 1;
        *job = json_pack("{s:{s:s, s:s, s:I, s:i, s:i, s:s, s:s, s:o}}", "job", "submission", id,
                         "lease_id", lease, "lease_expires_at", (json_int_t)expires, "lease_s",
                         (int)secs, "heartbeat_s", (int)beat, "language", language, "source",
                         source, "problem", problem ? problem : json_null());
        queue_live_begin(s, id);
        fprintf(stderr, "judged: submission %s leased to worker token %lld\n", id,
                (long long)who->token_id);
    }
    free(language);
    free(source);
    return rc;
}

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

void api_worker_claim(struct server *s, struct req *r)
{
    unsigned wait = 0;
    const char *w = http_query(r, "wait");
    if (w) {
        char *end;
        long v = strtol(w, &end, 10);
        if (!*w || *end || v < 0 || v > REMOTE_CLAIM_WAIT_MAX) {
            json_t *e = json_array();
            api_field_error(e, "wait", "must be a number of seconds from 0 to %d",
                            REMOTE_CLAIM_WAIT_MAX);
            reply_problem_errors(r, 422, e, "invalid query parameter");
            return;
        }
        wait = (unsigned)v;
        if (wait > s->cfg.wait_max_s)
            wait = s->cfg.wait_max_s;
    }
    sqlite3 *c = db_acquire(s->db);
    touch_token(s, c, &r->who); /* an idle worker is seen too: GET /api/v1/workers/tokens */
    db_release(s->db, c);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        json_t *job = NULL;
        int rc = claim_one(s, &r->who, &job);
        if (!rc) {
            reply_json(r, 200, job);
            return;
        }
        if (rc != -ENOENT) {
            reply_problem(r, 500, "cannot read the queue");
            return;
        }
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        if (s->stopping || t.tv_sec - t0.tv_sec >= (time_t)wait || peer_gone(r))
            break;
        sleep_ms(100);
    }
    reply_empty(r, 204);
}

void api_worker_heartbeat(struct server *s, struct req *r)
{
    int64_t expires = db_now_ms() + (int64_t)lease_seconds(s) * 1000;
    sqlite3 *c = db_acquire(s->db);
    int rc = db_exec(c,
                     "UPDATE submissions SET lease_expires_at = ? WHERE lease_id = ? AND "
                     "status = 'compiling' AND " LEASE_OWNER,
                     "isii", expires, r->params[0], (int64_t)(r->who.role == ROLE_ADMIN),
                     r->who.token_id);
    int changed = c ? sqlite3_changes(c) : 0;
    if (rc == SQLITE_OK && changed)
        touch_token(s, c, &r->who);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot extend the lease");
    else if (!changed)
        reply_stale(r);
    else
        reply_json(r, 200,
                   json_pack("{s:s, s:I}", "lease_id", r->params[0], "lease_expires_at",
                             (json_int_t)expires));
}

void api_worker_release(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st =
        db_prepare(c,
                   "UPDATE submissions SET status = 'queued', started_at = NULL, "
                   "lease_id = NULL, lease_expires_at = NULL, "
                   "worker_token_id = NULL WHERE lease_id = ? AND "
                   "status = 'compiling' AND " LEASE_OWNER " RETURNING id",
                   "sii", r->params[0], (int64_t)(r->who.role == ROLE_ADMIN), r->who.token_id);
    char id[SUBMISSION_ID_LEN + 1] = "";
    int step = st ? sqlite3_step(st) : SQLITE_ERROR;
    if (step == SQLITE_ROW)
        snprintf(id, sizeof(id), "%s", (const char *)sqlite3_column_text(st, 0));
    while (step == SQLITE_ROW)
        step = sqlite3_step(st);
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (step != SQLITE_DONE) {
        reply_problem(r, 500, "cannot release the lease");
    } else if (!id[0]) {
        reply_stale(r);
    } else {
        queue_live_end(s, id);
        queue_wake_all(s);
        fprintf(stderr, "judged: submission %s released by its worker; back in the queue\n", id);
        reply_empty(r, 204);
    }
}

/*** Progress and results ***/

struct rtest {
    const char *name, *group, *verdict, *message;
    bool sample;
    int64_t time_ms, memory_kb, wall_ms;
};

static bool verdict_valid(const char *v)
{
    enum verdict parsed;
    return verdict_parse(v, &parsed) == 0;
}

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
static void read_test(json_t *t, const char *at, struct rtest *out, json_t *errors)
{
    memset(out, 0, sizeof(*out));
    if (!json_is_object(t)) {
        char where[64];
        snprintf(where, sizeof(where), "%.*s", (int)strlen(at) - 1, at);
        api_field_error(errors, where, "must be an object");
        return;
    }
    out->name = str_field(t, "name", at, REPORT_NAME_MAX, true, false, errors);
    out->group = str_field(t, "group", at, REPORT_GROUP_MAX, true, false, errors);
    out->verdict = str_field(t, "verdict", at, 3, true, false, errors);
    if (out->verdict && !verdict_valid(out->verdict)) {
        char where[128];
        snprintf(where, sizeof(where), "%sverdict", at);
        api_field_error(errors, where, "must be a verdict code (AC, WA, TLE, ...)");
        out->verdict = NULL;
    }
    out->message = str_field(t, "message", at, REPORT_MESSAGE_MAX, false, true, errors);
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
    struct rtest t = {0};
    int64_t index = -1;
    if (test) {
        read_test(test, "test/", &t, errors);
        index = count_field(test, "index", "test/", true, errors);
    }
    if (!status && !test && !json_array_size(errors))
        api_field_error(errors, "status", "a progress event has a status or a test");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid progress event");
        json_decref(body);
        return;
    }
    json_decref(errors);
    char id[SUBMISSION_ID_LEN + 1];
    int rc = lease_current(s, r, id);
    if (rc) {
        if (rc == -ENOENT)
            reply_stale(r);
        else
            reply_problem(r, 500, "cannot read the lease");
        json_decref(body);
        return;
    }
    if (status)
        queue_live_status(s, id, status, output ? output : "");
    if (test) {
        /* Kept whole; render.c says what each viewer sees of it. */
        struct render_test rt = {(int64_t)index, t.name,    t.group,     t.verdict, t.message,
                                 t.sample,       t.time_ms, t.memory_kb, t.wall_ms};
        queue_live_test(s, id, render_test_raw(&rt));
    }
    reply_empty(r, 204);
    json_decref(body);
}

struct rresult {
    const char *verdict, *compile_output, *error;
    double score, max_score;
    int64_t time_ms, memory_kb;
    struct rtest *tests;
    size_t ntests;
};

/* The result body, checked: 0, or -EINVAL with `errors` saying what is wrong. */
static int read_result(json_t *body, struct rresult *out, json_t *errors)
{
    out->verdict = str_field(body, "verdict", "", 3, true, false, errors);
    if (out->verdict && !verdict_valid(out->verdict)) {
        api_field_error(errors, "verdict", "must be a verdict code (AC, WA, TLE, ...)");
        out->verdict = NULL;
    }
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
        out->ntests = json_array_size(tests);
        out->tests = calloc(out->ntests ? out->ntests : 1, sizeof(*out->tests));
        if (!out->tests)
            return -ENOMEM;
        for (size_t i = 0; i < out->ntests; i++) {
            char at[32];
            snprintf(at, sizeof(at), "tests/%zu/", i);
            read_test(json_array_get(tests, i), at, &out->tests[i], errors);
        }
    }
    return json_array_size(errors) ? -EINVAL : 0;
}

/* Records `res` for the current lease r->params[0], exactly once. 0, -ENOENT (stale), -EIO. */
static int record_result(struct server *s, struct req *r, const struct rresult *res,
                         char id[SUBMISSION_ID_LEN + 1], double *seconds)
{
    char *output = queue_compile_output_stored(res->compile_output ? res->compile_output : "");
    if (!output)
        return -EIO;
    sqlite3 *c = db_acquire(s->db);
    int rc = db_begin(c);
    int64_t seq = 0, now = db_now_ms();
    if (rc == SQLITE_OK) {
        sqlite3_stmt *st = db_prepare(
            c,
            "UPDATE submissions SET status = 'done', verdict = ?, score = ?, max_score = ?, "
            "time_ms = ?, memory_kb = ?, compile_output = ?, error = ?, finished_at = ?, "
            "lease_id = NULL, lease_expires_at = NULL WHERE lease_id = ? AND "
            "status = 'compiling' AND " LEASE_OWNER " RETURNING seq, id, coalesce(started_at, ?)",
            "sddiissisiii", res->verdict, res->score, res->max_score, res->time_ms, res->memory_kb,
            output, res->error, now, r->params[0], (int64_t)(r->who.role == ROLE_ADMIN),
            r->who.token_id, now);
        int step = st ? sqlite3_step(st) : SQLITE_ERROR;
        if (step == SQLITE_ROW) {
            seq = sqlite3_column_int64(st, 0);
            snprintf(id, SUBMISSION_ID_LEN + 1, "%s", (const char *)sqlite3_column_text(st, 1));
            *seconds = (double)(now - sqlite3_column_int64(st, 2)) / 1000.0;
        }
        while (step == SQLITE_ROW)
            step = sqlite3_step(st);
        sqlite3_finalize(st);
        rc = step == SQLITE_DONE ? (seq ? SQLITE_OK : SQLITE_NOTFOUND) : SQLITE_ERROR;
    }
    if (rc == SQLITE_OK)
        rc = db_exec(c, "DELETE FROM submission_tests WHERE submission_seq = ?", "i", seq);
    for (size_t i = 0; rc == SQLITE_OK && i < res->ntests; i++) {
        const struct rtest *t = &res->tests[i];
        rc = db_exec(c,
                     "INSERT INTO submission_tests (submission_seq, idx, name, grp, sample, "
                     "verdict, time_ms, memory_kb, message, wall_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?)",
                     "iissisiisi", seq, (int64_t)i, t->name, t->group, (int64_t)t->sample,
                     t->verdict, t->time_ms, t->memory_kb,
                     t->message && *t->message ? t->message : NULL, t->wall_ms);
    }
    if (rc == SQLITE_OK) {
        touch_token(s, c, &r->who);
        rc = db_commit(c);
    }
    if (rc != SQLITE_OK)
        db_rollback(c);
    db_release(s->db, c);
    free(output);
    return rc == SQLITE_OK ? 0 : rc == SQLITE_NOTFOUND ? -ENOENT : -EIO;
}

void api_worker_result(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    json_t *errors = json_array();
    struct rresult res = {0};
    int rc = read_result(body, &res, errors);
    if (rc) {
        if (rc == -EINVAL)
            reply_problem_errors(r, 422, errors, "invalid result");
        else
            reply_problem(r, 500, "out of memory");
        if (rc != -EINVAL)
            json_decref(errors);
        goto out;
    }
    json_decref(errors);
    char id[SUBMISSION_ID_LEN + 1] = "";
    double seconds = 0;
    rc = record_result(s, r, &res, id, &seconds);
    if (rc == -ENOENT) {
        fprintf(stderr, "judged: a result for stale lease '%.64s' was refused\n", r->params[0]);
        reply_stale(r);
        goto out;
    }
    if (rc) {
        reply_problem(r, 500, "cannot record the result");
        goto out;
    }
    queue_live_end(s, id);
    metrics_judgement(s->metrics, res.verdict, seconds);
    if (!strcmp(res.verdict, "IE"))
        fprintf(stderr, "judged: submission %s: internal error on a remote worker: %s\n", id,
                res.error ? res.error : "");
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:s}", "id", id, "status", "done", "verdict", res.verdict));
out:
    free(res.tests);
    json_decref(body);
}

/*** Packages ***/

static bool hex64(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");
    return n == 64 && !s[n];
}

/* Adds one folder or regular file of a package to the archive (fs_walk_sorted's order). */
static int add_entry(void *ud, const char *rel, const char *full, const struct stat *st)
{
    struct archive *a = ud;
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, rel);
    archive_entry_set_filetype(e, S_ISDIR(st->st_mode) ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, S_ISDIR(st->st_mode) || (st->st_mode & 0111) ? 0755 : 0644);
    archive_entry_set_size(e, S_ISREG(st->st_mode) ? st->st_size : 0);
    int rc = archive_write_header(a, e) != ARCHIVE_OK ? -EIO : 0;
    archive_entry_free(e);
    if (rc || S_ISDIR(st->st_mode))
        return rc;
    int fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    char buf[65536];
    ssize_t got = fd < 0 ? -1 : 0;
    while (fd >= 0 && (got = read(fd, buf, sizeof(buf))) > 0)
        if (archive_write_data(a, buf, (size_t)got) != got) {
            got = -1;
            break;
        }
    if (fd >= 0)
        close(fd);
    return got < 0 ? -EIO : 0;
}

/* Writes the package folder `dir` as a tar.gz at `dest`, through a temporary file in `tmpdir`. */
static int write_archive(const char *dir, const char *dest, const char *tmpdir)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof(tmp), "%s/package-XXXXXX", tmpdir);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct archive *a = archive_write_new();
    int rc = a ? 0 : -ENOMEM;
    if (!rc && (archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
                archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
                archive_write_open_fd(a, fd) != ARCHIVE_OK))
        rc = -EIO;
    if (!rc)
        rc = fs_walk_sorted(dir, add_entry, a);
    if (a && archive_write_close(a) != ARCHIVE_OK && !rc)
        rc = -EIO;
    archive_write_free(a);
    if (!rc && fsync(fd) < 0)
        rc = -errno;
    close(fd);
    if (!rc && rename(tmp, dest) < 0)
        rc = -errno;
    if (rc)
        unlink(tmp);
    return rc;
}

struct fd_stream {
    int fd;
};

static ssize_t read_fd(void *ud, uint64_t pos, char *buf, size_t max)
{
    struct fd_stream *f = ud;
    ssize_t n = pread(f->fd, buf, max, (off_t)pos);
    if (n == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    return n < 0 ? MHD_CONTENT_READER_END_WITH_ERROR : n;
}

static void close_fd(void *ud)
{
    struct fd_stream *f = ud;
    close(f->fd);
    free(f);
}

void api_worker_package(struct server *s, struct req *r)
{
    const char *hash = r->params[0];
    if (!hex64(hash)) {
        reply_problem(r, 404, "'%.64s' is not a package hash (64 lowercase hex digits)", hash);
        return;
    }
    /* Only the packages of problem versions: nothing else under the data folder. */
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st =
        db_prepare(c, "SELECT 1 FROM problem_versions WHERE hash = ? LIMIT 1", "s", hash);
    bool known = st && sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    db_release(s->db, c);
    char dir[PATH_MAX], path[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s/%s", s->packages_dir, hash);
    snprintf(path, sizeof(path), "%s/%s.tar.gz", s->cache_dir, hash);
    if (!known || !fs_is_dir(dir)) {
        reply_problem(r, 404, "no stored package %s", hash);
        return;
    }
    pthread_mutex_lock(&archive_lock);
    int rc = fs_is_file(path) ? 0 : write_archive(dir, path, s->tmp_dir);
    pthread_mutex_unlock(&archive_lock);
    struct fd_stream *f = rc ? NULL : calloc(1, sizeof(*f));
    if (f && (f->fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
        rc = -errno;
        free(f);
        f = NULL;
    }
    if (!f) {
        fprintf(stderr, "judged: cannot archive package %s: %s\n", hash,
                strerror(rc ? -rc : ENOMEM));
        reply_problem(r, 500, "cannot archive package %s", hash);
        return;
    }
    char disp[128];
    snprintf(disp, sizeof(disp), "attachment; filename=\"%s.tar.gz\"", hash);
    http_header(r, "Content-Disposition", disp);
    reply_stream(r, "application/gzip", read_fd, f, close_fd);
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
        json_decref(body);
        return;
    }
    json_decref(errors);
    char token[80];
    unsigned char hash[32];
    int64_t now = db_now_ms(), id = 0;
    int rc = auth_new_token("jw_", token, sizeof(token), hash) ? SQLITE_ERROR : SQLITE_OK;
    sqlite3 *c = db_acquire(s->db);
    if (rc == SQLITE_OK)
        rc = db_exec(c,
                     "INSERT INTO tokens (hash, role, name, created_at) VALUES (?, 'worker', ?, ?)",
                     "bsi", hash, 32, name, now);
    if (rc == SQLITE_OK)
        id = sqlite3_last_insert_rowid(c);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot create the worker token");
    else
        reply_json(r, 201,
                   json_pack("{s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)id, "name", name,
                             "role", "worker", "token", token, "created_at", (json_int_t)now));
    json_decref(body);
}

static json_t *int_or_null(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL
               ? json_null()
               : json_integer(sqlite3_column_int64(st, col));
}

void api_worker_tokens_list(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT t.id, t.name, t.created_at, t.revoked_at, "
                                  "t.last_seen_at, (SELECT count(*) FROM submissions "
                                  "WHERE lease_id IS NOT NULL AND worker_token_id = t.id) "
                                  "FROM tokens t WHERE t.role = 'worker' ORDER BY t.id",
                                  "");
    json_t *list = json_array();
    while (st && sqlite3_step(st) == SQLITE_ROW)
        json_array_append_new(list,
                              json_pack("{s:I, s:s, s:I, s:o, s:o, s:I}", "id",
                                        (json_int_t)sqlite3_column_int64(st, 0), "name",
                                        sqlite3_column_text(st, 1), "created_at",
                                        (json_int_t)sqlite3_column_int64(st, 2), "revoked_at",
                                        int_or_null(st, 3), "last_seen_at", int_or_null(st, 4),
                                        "leases", (json_int_t)sqlite3_column_int64(st, 5)));
    sqlite3_finalize(st);
    db_release(s->db, c);
    reply_json(r, 200, json_pack("{s:o}", "tokens", list));
}
