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
#include "errmap.h"
#include "fsutil.h"
#include "pkg.h"
#include "invites.h"
#include "practice.h"
#include "pcache.h"
#include "queue.h"
#include "render.h"
#include "problems.h"
#include "submissions.h"
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

/*** Rendering ***/

/* A stored or live test as render.c takes it (strings borrowed from `t`). */
static struct render_test render_of(const struct test_row *t)
{
    return (struct render_test){t->index,  t->name,    t->group,     t->verdict, t->message,
                                t->sample, t->time_ms, t->memory_kb, t->wall_ms};
}

json_t *api_submission_json(const struct submission_row *row, const struct principal *who,
                            bool with_source)
{
    struct render_view view = render_view_of(who, row->problem_team_id, row->show_hidden);
    bool done = !strcmp(row->status, "done");
    json_t *r =
        json_pack("{s:s, s:s, s:s, s:s, s:o, s:f, s:f, s:s, s:I, s:I, s:o}", "id", row->id,
                  "problem", row->slug, "language", row->language, "status", row->status, "verdict",
                  row->verdict ? json_string(row->verdict) : json_null(), "score", row->score,
                  "max_score", row->max_score, "compile_output",
                  row->compile_output ? row->compile_output : "", "problem_version",
                  (json_int_t)row->problem_version, "created_at", (json_int_t)row->created_at,
                  "finished_at", row->finished_at ? json_integer(row->finished_at) : json_null());
    json_t *tests = json_array();
    if (!r || !tests) {
        json_decref(r);
        json_decref(tests);
        return NULL;
    }
    if (with_source)
        json_object_set_new(r, "source", json_string(row->source ? row->source : ""));
    if (who->role == ROLE_ADMIN && row->error)
        json_object_set_new(r, "error", json_string(row->error));
    struct render_figures fig = {row->time_ms, row->memory_kb, 0, 0};
    size_t hidden = 0;
    for (size_t i = 0; i < row->ntests; i++) {
        struct render_test t = render_of(&row->tests[i]);
        /* The figures of a judgement in progress are the stored ones (none yet). */
        if (done)
            render_figures_add(&fig, &t);
        json_t *o = render_test(&view, &t);
        if (o)
            json_array_append_new(tests, o);
        else
            hidden++;
    }
    render_figures_set(&view, &fig, r);
    if (view.drop_hidden)
        json_object_set_new(r, "tests_hidden", json_integer((json_int_t)hidden));
    json_object_set_new(r, "tests", tests);
    return r;
}

int api_submission_result(struct server *s, const char *id, const struct principal *who,
                          bool with_source, json_t **out)
{
    struct submission_row row;
    int rc = submission_get(s, id, who, with_source, &row);
    if (rc)
        return rc;
    json_t *o = api_submission_json(&row, who, with_source);
    submission_row_release(&row);
    if (!o)
        return -ENOMEM;
    *out = o;
    return 0;
}

/* Waits for submission `id` to be done, at most `seconds`: its result, or NULL. */
static json_t *wait_done(struct server *s, struct req *r, const char *id, unsigned seconds)
{
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    struct queue_watch w;
    queue_watch_init(s, id, &w);
    for (;;) {
        json_t *res = NULL;
        if (api_submission_result(s, id, &r->who, false, &res))
            return NULL;
        const char *status = json_string_value(json_object_get(res, "status"));
        if (status && !strcmp(status, "done"))
            return res;
        json_decref(res);
        /* Wait for this submission to change before reading it again. */
        do {
            clock_gettime(CLOCK_MONOTONIC, &now);
            double left = seconds - ((double)(now.tv_sec - start.tv_sec) +
                                     (double)(now.tv_nsec - start.tv_nsec) / 1e9);
            if (left <= 0 || s->stopping) {
                res = NULL;
                api_submission_result(s, id, &r->who, false, &res);
                return res;
            }
        } while (!queue_watch_wait(s, id, &w, 1000));
    }
}

/* The answer to a submit queue_submit refused with `rc`. */
static void reply_submit_error(struct server *s, struct req *r, int rc)
{
    unsigned status = (unsigned)http_status_of_errno(rc);
    switch (rc) {
    case -EAGAIN:
        http_header(r, "Retry-After", "30");
        reply_problem(r, status, "the judging queue is full (%u submissions); retry later",
                      s->cfg.queue_max);
        break;
    case -EDQUOT:
        /* The queue is served round robin; the cap bounds what one client can park in it. */
        http_header(r, "Retry-After", "10");
        reply_problem(r, status,
                      "you have %u submissions queued or being judged, the most one client may "
                      "have; submit again once one of them is done",
                      queue_client_cap(s, &r->who));
        break;
    case -EBUSY:
        http_header(r, "Retry-After", "5");
        reply_problem(r, status, "the database is busy; retry in a few seconds");
        break;
    default:
        reply_problem(r, status, "cannot store the submission: %s",
                      rc == -ENOSPC ? "the disk is full" : "database error");
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
    if (!parse_fields(s, r, body, false, &f) || !api_rate_ok(s, r, "submit"))
        goto out;
    const char *wait = http_query(r, "wait");
    const char *timeout = http_query(r, "timeout");
    unsigned wait_s = s->cfg.wait_max_s;
    if (timeout) {
        char *end;
        long t = strtol(timeout, &end, 10);
        if (*end || t < 1) {
            json_t *e = json_array();
            api_field_error(e, "timeout", "is a number of seconds from 1 to %u", wait_s);
            reply_problem_errors(r, 422, e, "invalid query parameter");
            goto out;
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
    capped = false;
    if (rc) {
        reply_submit_error(s, r, rc);
        goto out;
    }
    api_practice_record(s, r, id, f.row.slug);
    char loc[96];
    snprintf(loc, sizeof(loc), "/api/v1/submissions/%s", id);
    http_header(r, "Location", loc);
    json_t *res = NULL;
    if (wait && (!strcmp(wait, "true") || !strcmp(wait, "1")))
        res = wait_done(s, r, id, wait_s);
    if (res) {
        const char *status = json_string_value(json_object_get(res, "status"));
        reply_json(r, status && !strcmp(status, "done") ? 200 : 202, res);
    } else {
        reply_json(r, 202, json_pack("{s:s, s:s}", "id", id, "status", "queued"));
    }
out:
    if (capped)
        pthread_mutex_unlock(&cap_lock);
    json_decref(body);
}

void api_submission_get(struct server *s, struct req *r)
{
    json_t *res = NULL;
    int rc = api_submission_result(s, r->params[0], &r->who, true, &res);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no submission '%.64s'", r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read submission '%.64s': %s",
                      r->params[0], strerror(-rc));
    else
        reply_json(r, 200, res);
}

/* One of `allowed` (NULL-terminated), or NULL when absent; *bad when present but not one. */
static const char *query_choice(struct req *r, const char *name, const char *const *allowed,
                                bool *bad)
{
    const char *v = http_query(r, name);
    if (!v)
        return NULL;
    for (size_t i = 0; allowed[i]; i++)
        if (!strcmp(v, allowed[i]))
            return v;
    *bad = true;
    return NULL;
}

void api_submissions_list(struct server *s, struct req *r)
{
    if (r->who.role == ROLE_ANON) {
        http_header(r, "WWW-Authenticate", "Bearer realm=\"judged\"");
        reply_problem(r, 401, "listing submissions needs a bearer token");
        return;
    }
    json_t *errors = json_array();
    struct submission_summary *rows = NULL;
    size_t n = 0;
    bool more = false, bad_status = false, bad_verdict = false;
    const char *limit_s = http_query(r, "limit"), *cursor_s = http_query(r, "cursor");
    static const char *const statuses[] = {"queued", "compiling", "running", "done", NULL};
    const char *verdict = http_query(r, "verdict");
    enum verdict parsed;
    if (verdict && verdict_parse(verdict, &parsed)) { /* the one verdict table */
        bad_verdict = true;
        verdict = NULL;
    }
    struct submission_filter f = {
        .team_id = r->who.role == ROLE_TEAM ? r->who.team_id : 0,
        .invite_id = r->who.role == ROLE_CANDIDATE ? r->who.invite_id : 0,
        .slug = http_query(r, "problem"),
        .status = query_choice(r, "status", statuses, &bad_status),
        .verdict = verdict,
        .limit = 20,
    };
    char *end;
    long limit = 20;
    long long cursor = 0;
    if (limit_s && ((limit = strtol(limit_s, &end, 10)) < 1 || limit > 100 || *end))
        api_field_error(errors, "limit", "is a number from 1 to 100");
    if (cursor_s && ((cursor = strtoll(cursor_s, &end, 10)) < 1 || *end))
        api_field_error(errors, "cursor", "is the next_cursor of a previous page");
    if (bad_status)
        api_field_error(errors, "status", "is one of queued, compiling, running, done");
    if (bad_verdict) {
        char codes[128];
        verdict_list(codes, sizeof(codes));
        api_field_error(errors, "verdict", "is one of %s", codes);
    }
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, errors, "invalid query parameters");
        errors = NULL;
        goto out;
    }
    /* "running" is the live name of what the table calls compiling. */
    if (f.status && !strcmp(f.status, "running"))
        f.status = "compiling";
    f.limit = (int)limit;
    f.before_seq = cursor;
    int rc = submission_list(s, &f, &rows, &n, &more);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot list submissions: %s", strerror(-rc));
        goto out;
    }
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++) {
        const struct submission_summary *row = &rows[i];
        json_t *o =
            json_pack("{s:s, s:s, s:s, s:s, s:o, s:f, s:f, s:I}", "id", row->id, "problem",
                      row->slug, "language", row->language, "status", row->status, "verdict",
                      row->verdict ? json_string(row->verdict) : json_null(), "score", row->score,
                      "max_score", row->max_score, "created_at", (json_int_t)row->created_at);
        /* show_hidden matters only for which tests are listed, and a list has none. */
        struct render_view view = render_view_of(&r->who, row->problem_team_id, true);
        struct render_figures fig = {row->time_ms, row->memory_kb, row->sample_time_ms,
                                     row->sample_memory_kb};
        render_figures_set(&view, &fig, o);
        json_array_append_new(list, o);
    }
    char next[32];
    snprintf(next, sizeof(next), "%lld", n ? (long long)rows[n - 1].seq : 0LL);
    reply_json(r, 200,
               json_pack("{s:o, s:o}", "submissions", list, "next_cursor",
                         more ? json_string(next) : json_null()));
out:
    submission_list_release(rows, n);
    json_decref(errors);
}

void api_submission_rejudge(struct server *s, struct req *r)
{
    int rc = submission_rejudge(s, r->params[0]);
    if (rc == -EALREADY)
        reply_problem(r, http_status_of_errno(rc),
                      "submission '%s' is still being judged; rejudge it once it is done",
                      r->params[0]);
    else if (rc == -ENOENT)
        reply_problem(r, 404, "no submission '%.64s'", r->params[0]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot requeue the submission: %s",
                      strerror(-rc));
    else
        reply_json(r, 202, json_pack("{s:s, s:s}", "id", r->params[0], "status", "queued"));
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
    json_t *res = NULL;
    if (api_submission_result(e->s, e->id, &e->who, false, &res)) {
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
    json_t *res = NULL;
    int rc = api_submission_result(s, r->params[0], &r->who, false, &res);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc),
                      rc == -ENOENT ? "no submission '%.64s'" : "cannot read '%.64s'",
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
        struct test_row row = queue_test_row(pr, t, i);
        struct render_test rt = render_of(&row);
        json_t *o = render_test(view, &rt);
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
