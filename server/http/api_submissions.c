/*
 * Submissions: submit (with ?wait=true), read, list with cursors, follow as Server-Sent Events,
 * rejudge; and the Run button, which judges on the samples or on custom input and records nothing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "fsutil.h"
#include "pkg.h"
#include "invites.h"
#include "practice.h"
#include "pcache.h"
#include "queue.h"
#include "render.h"
#include "problems.h"
#include "worker.h"

#define RUN_SLOT_WAIT 15000 /* ms a Run waits for a free sandbox */

struct submit_fields {
    const char *problem, *language, *source;
    const char *input; /* run only */
    size_t source_len, input_len;
    struct problem_row row;
};

/* Validates the fields; replies (422, 413, 404) and returns false when they are not right. */
static bool parse_fields(struct server *s, struct req *r, json_t *body, bool run,
                         struct submit_fields *f)
{
    json_t *errors = json_array();
    char detail[256];
    struct submission_fields sf;
    if (reqcheck_submission(body, run, &sf, errors, detail, sizeof(detail)) == 413) {
        json_decref(errors);
        reply_problem(r, 413, "%s", detail);
        return false;
    }
    f->problem = sf.problem;
    f->language = sf.language;
    f->source = sf.source;
    f->input = sf.input;
    f->source_len = sf.source_len;
    f->input_len = sf.input_len;
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "the %s has %zu invalid field%s",
                             run ? "run" : "submission", json_array_size(errors),
                             json_array_size(errors) == 1 ? "" : "s");
        return false;
    }
    json_decref(errors);
    /* A candidate reaches the assessment's problems only, while the timer runs. */
    if (r->who.role == ROLE_CANDIDATE &&
        !api_candidate_may_submit(s, r, f->problem, f->language, !run))
        return false;
    int rc = problems_get(s->db, f->problem, &f->row);
    if (rc && rc != -ENOENT) {
        reply_problem(r, 500, "cannot read the database");
        return false;
    }
    bool reachable =
        r->who.role == ROLE_CANDIDATE ? !f->row.deleted : problems_can_read(&r->who, &f->row);
    if (rc || !reachable) {
        json_t *e = json_array();
        api_field_error(e, "problem", "no problem '%s'%s", f->problem,
                        r->who.role == ROLE_ANON ? " among the public ones" : "");
        reply_problem_errors(r, 422, e, "unknown problem");
        return false;
    }
    /* A language this host lacks, or one the problem has no driver for: refused, not queued. */
    char why[512];
    rc = pcache_lang_check(s, f->row.version_id, lang_by_id(f->language), why, sizeof(why));
    if (rc == -EIO || rc == -ENOMEM) {
        reply_problem(r, 500, "cannot check the language: %s", strerror(-rc));
        return false;
    }
    if (rc) {
        json_t *e = json_array();
        api_field_error(e, "language", "%s", why);
        reply_problem_errors(r, 422, e, "%s", why);
        return false;
    }
    return true;
}

/* Waits for submission `id` to be done, at most `seconds`. */
static json_t *wait_done(struct server *s, struct req *r, const char *id, unsigned seconds)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct queue_watch w;
    queue_watch_init(s, id, &w);
    for (;;) {
        unsigned st;
        json_t *res = queue_result(s, id, &r->who, false, &st);
        const char *status = json_string_value(json_object_get(res, "status"));
        if (!res || (status && !strcmp(status, "done")))
            return res;
        json_decref(res);
        /* Wait for this submission to change before reading it again. */
        do {
            clock_gettime(CLOCK_MONOTONIC, &now);
            double left = seconds - ((double)(now.tv_sec - start.tv_sec) +
                                     (double)(now.tv_nsec - start.tv_nsec) / 1e9);
            if (left <= 0 || s->stopping)
                return queue_result(s, id, &r->who, false, &st);
        } while (!queue_watch_wait(s, id, &w, 1000));
    }
}

void api_submission_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    struct submit_fields f = {0};
    /* A candidate's cap is counted in parse_fields and the row inserted by queue_submit: one
     * candidate submission at a time between the two, or concurrent ones all pass the count. */
    static pthread_mutex_t cap_lock = PTHREAD_MUTEX_INITIALIZER;
    bool capped = r->who.role == ROLE_CANDIDATE;
    if (capped)
        pthread_mutex_lock(&cap_lock);
    if (!parse_fields(s, r, body, false, &f) || !api_rate_ok(s, r, "submit")) {
        if (capped)
            pthread_mutex_unlock(&cap_lock);
        json_decref(body);
        return;
    }
    const char *wait = http_query(r, "wait");
    const char *timeout = http_query(r, "timeout");
    unsigned wait_s = s->cfg.wait_max_s;
    if (timeout) {
        char *end;
        long t = strtol(timeout, &end, 10);
        if (*end || t < 1) {
            if (capped)
                pthread_mutex_unlock(&cap_lock);
            json_decref(body);
            json_t *e = json_array();
            api_field_error(e, "timeout", "is a number of seconds from 1 to %u", wait_s);
            reply_problem_errors(r, 422, e, "invalid query parameter");
            return;
        }
        if ((unsigned long)t < wait_s)
            wait_s = (unsigned)t;
    }
    char id[SUBMISSION_ID_LEN + 1];
    struct submit_request sr = {f.row.version_id, f.row.slug, f.language,
                                f.source,         &r->who,    r->client};
    int rc = queue_submit(s, &sr, id);
    if (capped)
        pthread_mutex_unlock(&cap_lock);
    json_decref(body);
    if (rc == -EAGAIN) {
        http_header(r, "Retry-After", "30");
        reply_problem(r, 503, "the judging queue is full (%u submissions); retry later",
                      s->cfg.queue_max);
        return;
    }
    if (rc == -EDQUOT) {
        /* The queue is served round robin; the cap bounds what one client can park in it. */
        http_header(r, "Retry-After", "10");
        reply_problem(r, 429,
                      "you have %u submissions queued or being judged, the most one client may "
                      "have; submit again once one of them is done",
                      queue_client_cap(s, &r->who));
        return;
    }
    if (rc == -EBUSY) {
        http_header(r, "Retry-After", "5");
        reply_problem(r, 503, "the database is busy; retry in a few seconds");
        return;
    }
    if (rc) {
        reply_problem(r, rc == -ENOSPC ? 507 : 500, "cannot store the submission: %s",
                      rc == -ENOSPC ? "the disk is full" : "database error");
        return;
    }
    api_practice_record(s, r, id, f.row.slug);
    char loc[96];
    snprintf(loc, sizeof(loc), "/api/v1/submissions/%s", id);
    http_header(r, "Location", loc);
    if (wait && (!strcmp(wait, "true") || !strcmp(wait, "1"))) {
        json_t *res = wait_done(s, r, id, wait_s);
        const char *status = json_string_value(json_object_get(res, "status"));
        if (res) {
            reply_json(r, status && !strcmp(status, "done") ? 200 : 202, res);
            return;
        }
    }
    reply_json(r, 202, json_pack("{s:s, s:s}", "id", id, "status", "queued"));
}

void api_submission_get(struct server *s, struct req *r)
{
    unsigned status;
    json_t *res = queue_result(s, r->params[0], &r->who, true, &status);
    if (!res) {
        if (status == 404)
            reply_problem(r, 404, "no submission '%.64s'", r->params[0]);
        else
            reply_problem(r, 500, "cannot read the database");
        return;
    }
    reply_json(r, 200, res);
}

void api_submissions_list(struct server *s, struct req *r)
{
    if (r->who.role == ROLE_ANON) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\"");
        reply_problem(r, 401, "listing submissions needs a bearer token");
        return;
    }
    json_t *errors = json_array();
    const char *problem = http_query(r, "problem"), *status = http_query(r, "status"),
               *verdict = http_query(r, "verdict"), *limit_s = http_query(r, "limit"),
               *cursor_s = http_query(r, "cursor");
    long limit = 20;
    long long cursor = 0;
    char *end;
    if (limit_s && ((limit = strtol(limit_s, &end, 10)) < 1 || limit > 100 || *end))
        api_field_error(errors, "limit", "is a number from 1 to 100");
    if (cursor_s && ((cursor = strtoll(cursor_s, &end, 10)) < 1 || *end))
        api_field_error(errors, "cursor", "is the next_cursor of a previous page");
    static const char *const statuses[] = {"queued", "compiling", "running", "done"};
    bool ok = !status;
    for (size_t i = 0; status && i < 4; i++)
        ok |= !strcmp(status, statuses[i]);
    if (!ok)
        api_field_error(errors, "status", "is one of queued, compiling, running, done");
    enum verdict parsed;
    if (verdict && verdict_parse(verdict, &parsed)) {
        char codes[128];
        verdict_list(codes, sizeof(codes));
        api_field_error(errors, "verdict", "is one of %s", codes);
    }
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid query parameters");
        return;
    }
    json_decref(errors);
    /* "running" is the live name of what the table calls compiling. */
    if (status && !strcmp(status, "running"))
        status = "compiling";
    int64_t team = r->who.role == ROLE_TEAM ? r->who.team_id : 0;
    int64_t invite = r->who.role == ROLE_CANDIDATE ? r->who.invite_id : 0;
    sqlite3 *c = db_acquire(s->db);
    /* The figures over the samples alone too, for viewers who do not own the problem. */
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT seq, id, slug, language, status, verdict, score, max_score, time_ms, memory_kb, "
        "created_at, (SELECT coalesce(p.team_id, 0) FROM problems p WHERE p.slug = s.slug), "
        "(SELECT coalesce(max(t.time_ms), 0) FROM submission_tests t WHERE t.submission_seq = "
        "s.seq AND t.sample), (SELECT coalesce(max(t.memory_kb), 0) FROM submission_tests t "
        "WHERE t.submission_seq = s.seq AND t.sample) FROM submissions s "
        "WHERE (?1 = 0 OR team_id = ?1) AND (?2 IS NULL OR slug = ?2) "
        "AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR verdict = ?4) "
        "AND (?5 = 0 OR seq < ?5) AND (?7 = 0 OR invite_id = ?7) ORDER BY seq DESC LIMIT ?6",
        "isssiii", team, problem, status, verdict, (int64_t)cursor, (int64_t)limit + 1, invite);
    json_t *list = json_array();
    long long last = 0;
    bool more = false;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        if ((long)json_array_size(list) == limit) {
            more = true;
            break;
        }
        last = sqlite3_column_int64(st, 0);
        /* A submission being judged shows its live status, as GET of it does. */
        char buf[16];
        const char *live = !strcmp((const char *)sqlite3_column_text(st, 4), "compiling")
                               ? queue_live_status_of(s, (const char *)sqlite3_column_text(st, 1),
                                                      buf, sizeof(buf))
                               : NULL;
        const char *v = (const char *)sqlite3_column_text(st, 5);
        json_t *o = json_pack(
            "{s:s, s:s, s:s, s:s, s:o, s:f, s:f, s:I}", "id", sqlite3_column_text(st, 1), "problem",
            sqlite3_column_text(st, 2), "language", sqlite3_column_text(st, 3), "status",
            live ? live : (const char *)sqlite3_column_text(st, 4), "verdict",
            v ? json_string(v) : json_null(), "score", sqlite3_column_double(st, 6), "max_score",
            sqlite3_column_double(st, 7), "created_at", (json_int_t)sqlite3_column_int64(st, 10));
        /* show_hidden matters only for which tests are listed, and a list has none. */
        struct render_view view = render_view_of(&r->who, sqlite3_column_int64(st, 11), true);
        struct render_figures fig = {sqlite3_column_int64(st, 8), sqlite3_column_int64(st, 9),
                                     sqlite3_column_int64(st, 12), sqlite3_column_int64(st, 13)};
        render_figures_set(&view, &fig, o);
        json_array_append_new(list, o);
    }
    bool failed = !st;
    sqlite3_finalize(st);
    db_release(s->db, c);
    if (failed) {
        json_decref(list);
        reply_problem(r, 500, "cannot read the database");
        return;
    }
    char next[32];
    snprintf(next, sizeof(next), "%lld", last);
    reply_json(r, 200,
               json_pack("{s:o, s:o}", "submissions", list, "next_cursor",
                         more ? json_string(next) : json_null()));
}

void api_submission_rejudge(struct server *s, struct req *r)
{
    sqlite3 *c = db_acquire(s->db);
    /* Against the problem's current version, unless it was deleted since. */
    int rc = db_exec(c,
                     "UPDATE submissions SET status = 'queued', verdict = NULL, score = 0, "
                     "time_ms = 0, memory_kb = 0, compile_output = '', error = NULL, "
                     "finished_at = NULL, version_id = coalesce((SELECT current FROM problems p "
                     "WHERE p.slug = submissions.slug AND p.deleted_at IS NULL), version_id) "
                     "WHERE id = ? AND status = 'done'",
                     "s", r->params[0]);
    int changed = sqlite3_changes(c);
    int exists = 0;
    if (rc == SQLITE_OK && !changed) {
        sqlite3_stmt *st =
            db_prepare(c, "SELECT 1 FROM submissions WHERE id = ?", "s", r->params[0]);
        exists = st && sqlite3_step(st) == SQLITE_ROW;
        sqlite3_finalize(st);
    }
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        reply_problem(r, 500, "cannot requeue the submission");
    else if (!changed && exists)
        reply_problem(r, 409, "submission '%s' is still being judged; rejudge it once it is done",
                      r->params[0]);
    else if (!changed)
        reply_problem(r, 404, "no submission '%.64s'", r->params[0]);
    else {
        queue_wake_all(s);
        reply_json(r, 202, json_pack("{s:s, s:s}", "id", r->params[0], "status", "queued"));
    }
}

/*** Server-Sent Events ***/

/*
 * Open streams per client (queue_client_key), so that one client cannot hold the connections
 * of everyone: past cfg.streams_per_client a new stream is refused with 429.
 */
struct stream_count {
    struct stream_count *next;
    char key[96];
    unsigned n;
};
static struct stream_count *streams;
static pthread_mutex_t streams_lock = PTHREAD_MUTEX_INITIALIZER;

/* Counts a stream of `key` in; false when it has `max` open already. */
static bool streams_take(const char *key, unsigned max)
{
    pthread_mutex_lock(&streams_lock);
    struct stream_count *c = streams;
    while (c && strcmp(c->key, key))
        c = c->next;
    bool ok = !c || c->n < max;
    if (ok && !c && (c = calloc(1, sizeof(*c)))) {
        snprintf(c->key, sizeof(c->key), "%s", key);
        c->next = streams;
        streams = c;
    }
    if (ok && c)
        c->n++;
    pthread_mutex_unlock(&streams_lock);
    return ok;
}

static void streams_put(const char *key)
{
    pthread_mutex_lock(&streams_lock);
    for (struct stream_count **p = &streams; *p; p = &(*p)->next) {
        if (strcmp((*p)->key, key))
            continue;
        struct stream_count *c = *p;
        if (--c->n == 0) {
            *p = c->next;
            free(c);
        }
        break;
    }
    pthread_mutex_unlock(&streams_lock);
}

struct events {
    struct server *s;
    char client[96];
    bool counted;
    double last_event; /* when the last event (not a keep-alive) was sent, monotonic seconds */
    char id[SUBMISSION_ID_LEN + 1];
    struct principal who;
    size_t sent_tests;
    char status[16];
    bool done;
    struct strbuf out;
    size_t out_pos;
    unsigned idle_ms; /* since the last event or keep-alive */
};

static void event(struct events *e, const char *name, json_t *data)
{
    char *d = json_dumps(data, JSON_COMPACT);
    json_decref(data);
    strbuf_addf(&e->out, "event: %s\ndata: %s\n\n", name, d ? d : "{}");
    free(d);
}

/* Fills e->out with what changed since the last look. */
static void poll_events(struct events *e)
{
    unsigned st;
    json_t *res = queue_result(e->s, e->id, &e->who, false, &st);
    if (!res) {
        event(e, "error", json_pack("{s:s}", "detail", "the submission is gone"));
        e->done = true;
        return;
    }
    const char *status = json_string_value(json_object_get(res, "status"));
    bool done = !strcmp(status, "done");
    if (strcmp(status, e->status) && !done) {
        snprintf(e->status, sizeof(e->status), "%s", status);
        event(e, "status",
              json_pack("{s:s, s:s}", "status", status, "compile_output",
                        json_string_value(json_object_get(res, "compile_output"))));
    }
    json_t *tests = json_object_get(res, "tests");
    for (; e->sent_tests < json_array_size(tests); e->sent_tests++)
        event(e, "test", json_incref(json_array_get(tests, e->sent_tests)));
    if (done) {
        event(e, "done", res);
        e->done = true;
        return;
    }
    json_decref(res);
}

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ssize_t events_next(void *ud, uint64_t pos, char *buf, size_t max)
{
    struct events *e = ud;
    /*
     * Keep-alives are the server's own writes, not the client's activity: a stream that carried
     * nothing else for the idle timeout (--conn-timeout) ends, as an idle connection would. The
     * client comes back if it still cares (the web front end polls then).
     */
    double idle = e->s->cfg.conn_timeout_s ? e->s->cfg.conn_timeout_s : 60;
    /* Keep-alives often enough that the connection's own timeout never sees a silent stream. */
    double ka = idle / 2 < 15 ? idle / 2 : 15;
    while (e->out_pos == e->out.len) {
        strbuf_reset(&e->out);
        e->out_pos = 0;
        if (e->done || e->s->stopping || !invites_token_live(e->s->db, &e->who))
            return MHD_CONTENT_READER_END_OF_STREAM;
        struct queue_watch w;
        queue_watch_init(e->s, e->id, &w);
        poll_events(e);
        double now = mono_s();
        if (e->out.len) {
            e->last_event = now;
            break;
        }
        /* The next keep-alive would keep it open past the idle timeout: end it cleanly now. */
        if (e->last_event + idle - now <= ka)
            return MHD_CONTENT_READER_END_OF_STREAM;
        /*
         * A candidate's stream looks at its token every second: a revoked invite closes it
         * (above) though nothing moves on the submission. Others wait a keep-alive's interval.
         */
        unsigned ka_ms = (unsigned)(ka * 1000);
        unsigned slice = e->who.role == ROLE_CANDIDATE && ka_ms > 1000 ? 1000 : ka_ms;
        if (queue_watch_wait(e->s, e->id, &w, slice) || e->s->stopping) {
            e->idle_ms = 0;
        } else if ((e->idle_ms += slice) >= ka_ms) {
            e->idle_ms = 0;
            strbuf_addstr(&e->out, ": keep-alive\n\n"); /* proxies close silent streams */
        }
    }
    size_t n = e->out.len - e->out_pos < max ? e->out.len - e->out_pos : max;
    memcpy(buf, e->out.buf + e->out_pos, n);
    e->out_pos += n;
    return (ssize_t)n;
}

static void events_free(void *ud)
{
    struct events *e = ud;
    if (e->counted)
        streams_put(e->client);
    strbuf_release(&e->out);
    free(e);
}

void api_submission_events(struct server *s, struct req *r)
{
    unsigned st;
    json_t *res = queue_result(s, r->params[0], &r->who, false, &st);
    if (!res) {
        reply_problem(r, st, st == 404 ? "no submission '%.64s'" : "cannot read '%.64s'",
                      r->params[0]);
        return;
    }
    json_decref(res);
    char client[96];
    queue_client_key(&r->who, r->client, client, sizeof(client));
    if (!streams_take(client, s->cfg.streams_per_client)) {
        http_header(r, "Retry-After", "10");
        reply_problem(r, 429,
                      "you have %u event streams open, the most one client may have; close one "
                      "or poll GET /api/v1/submissions/%.64s instead",
                      s->cfg.streams_per_client, r->params[0]);
        return;
    }
    struct events *e = calloc(1, sizeof(*e));
    if (!e) {
        streams_put(client);
        reply_problem(r, 500, "out of memory");
        return;
    }
    e->s = s;
    snprintf(e->client, sizeof(e->client), "%s", client);
    e->counted = true;
    e->last_event = mono_s();
    snprintf(e->id, sizeof(e->id), "%s", r->params[0]);
    e->who = r->who;
    strbuf_init(&e->out, 0);
    reply_stream(r, "text/event-stream", events_next, e, events_free);
}

/*** Run ***/

/* A Run's diagnostics, cut as a submission's are (a new reference; "" when out of memory). */
static json_t *run_compile_output(const char *text)
{
    char *cut = queue_compile_output_stored(text ? text : "");
    json_t *o = json_string(cut ? cut : "");
    free(cut);
    return o ? o : json_string("");
}

static json_t *run_samples(const struct judge_env *env, const struct problem *pr,
                           const struct lang *lang, const char *path,
                           const struct render_view *view, unsigned *status)
{
    struct judge_result res;
    const char *sources[] = {path};
    struct judge_opts opts = {.samples_only = true, .keep_output = RUN_SHOWN_MAX};
    int rc = judge_submission(env, pr, lang, sources, 1, &opts, &res);
    if (rc) {
        *status = 500;
        return NULL;
    }
    json_t *tests = json_array();
    for (size_t i = 0; i < res.ntests; i++) {
        const struct test_result *t = &res.tests[i];
        /* The samples, and a test the viewer may not see gets no output either. */
        json_t *raw = queue_test_json(pr, t, i);
        json_t *o = render_test_json(view, raw);
        json_decref(raw);
        if (!o)
            continue;
        json_object_set_new(o, "output", json_string(t->output ? t->output : ""));
        if (!json_string_value(json_object_get(o, "output")))
            json_object_set_new(o, "output", json_string("(not UTF-8)"));
        json_array_append_new(tests, o);
    }
    json_t *o =
        json_pack("{s:s, s:b, s:o, s:s, s:o}", "mode", "samples", "compiled", res.verdict != V_CE,
                  "compile_output", run_compile_output(res.compile_output), "verdict",
                  verdict_code(res.verdict), "tests", tests);
    judge_result_release(&res);
    *status = 200;
    return o;
}

static json_t *run_input(const struct judge_env *env, const struct problem *pr,
                         const struct lang *lang, const char *path, const char *input,
                         size_t input_len, unsigned *status)
{
    struct judge_run run;
    const char *sources[] = {path};
    int rc = judge_run_input(env, pr, lang, sources, 1, input, input_len, RUN_SHOWN_MAX, &run);
    if (rc) {
        judge_run_release(&run);
        *status = 500;
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:b, s:o}", "mode", "input", "compiled", run.compiled,
                          "compile_output", run_compile_output(run.compile_output));
    if (run.compiled) {
        json_t *out = json_string(run.stdout_text ? run.stdout_text : "");
        json_t *err = json_string(run.stderr_text ? run.stderr_text : "");
        json_object_set_new(o, "verdict", json_string(verdict_code(run.verdict)));
        json_object_set_new(o, "exit_code", json_integer(run.exit_code));
        json_object_set_new(o, "time_ms", json_integer(run.time_ms));
        json_object_set_new(o, "memory_kb", json_integer((json_int_t)run.memory_kb));
        json_object_set_new(o, "stdout", out ? out : json_string("(not UTF-8)"));
        json_object_set_new(o, "stderr", err ? err : json_string("(not UTF-8)"));
        json_object_set_new(o, "stdout_truncated", json_boolean(run.stdout_truncated));
        if (run.message[0])
            json_object_set_new(o, "message", json_string(run.message));
    } else {
        json_object_set_new(o, "verdict", json_string("CE"));
    }
    judge_run_release(&run);
    *status = 200;
    return o;
}

void api_run(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r);
    if (!body)
        return;
    struct submit_fields f = {0};
    if (!parse_fields(s, r, body, true, &f) || !api_rate_ok(s, r, "run")) {
        json_decref(body);
        return;
    }
    char client[96];
    queue_client_key(&r->who, r->client, client, sizeof(client));
    int slot = slot_acquire(s, client, RUN_SLOT_WAIT);
    if (slot == -EDQUOT) {
        json_decref(body);
        http_header(r, "Retry-After", "5");
        reply_problem(r, 429,
                      "you have %u runs going or waiting, the most one client may have; run "
                      "again once one of them has answered",
                      s->cfg.runs_per_client);
        return;
    }
    if (slot < 0) {
        json_decref(body);
        http_header(r, "Retry-After", "5");
        reply_problem(r, 503, "every sandbox for runs is busy; retry in a few seconds");
        return;
    }
    const struct problem *pr = NULL;
    char err[512], dir[4096], path[4096];
    int rc = pcache_get(s, slot, f.row.version_id, &pr, err, sizeof(err));
    snprintf(dir, sizeof(dir), "%s/run%d", s->tmp_dir, slot);
    if (!rc)
        rc = lang_write_source(dir, f.language, f.source, path, sizeof(path));
    json_t *out = NULL;
    unsigned status = 500;
    if (!rc) {
        struct judge_env env = {s->sb, slot};
        const struct lang *lang = lang_by_id(f.language);
        /* A Run has no assessment: only samples are judged, and shown as any result is. */
        struct render_view view = render_view_of(&r->who, f.row.team_id, true);
        out = f.input ? run_input(&env, pr, lang, path, f.input, f.input_len, &status)
                      : run_samples(&env, pr, lang, path, &view, &status);
    }
    fs_remove_tree(dir);
    slot_release(s, slot, client);
    json_decref(body);
    if (!out) {
        fprintf(stderr, "judged: run failed: %s\n", rc ? err : "the sandbox failed");
        reply_problem(r, 500, "the run could not be done: %s", rc ? err : "the sandbox failed");
        return;
    }
    reply_json(r, status, out);
}
