/*
 * The candidate's side of hiring over HTTP (the session, its problems, drafts and signals) and
 * the team's playback of a candidate (timeline, snapshots). Each handler parses, calls the domain
 * (sessions.h, drafts.h) and renders; a session's refusals are explained here, with the times
 * they name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "api.h"
#include "drafts.h"
#include "errmap.h"
#include "lang.h"
#include "pkg.h"
#include "sessions.h"

static void fmt_time(int64_t ms, char *out, size_t size)
{
    time_t secs = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&secs, &tm);
    strftime(out, size, "%Y-%m-%d %H:%M:%S UTC", &tm);
}

static double round2(double v)
{
    return round(v * 100) / 100;
}

/* Replies with why the session refused (`rc`, `why`), for problem `slug` in `language`. */
static void reply_refusal(struct req *r, int rc, enum session_refusal why, const struct session *ss,
                          const char *slug, const char *language)
{
    char when[64];
    json_t *e = json_array();
    switch (why) {
    case SESSION_NOT_IN_ASSESSMENT:
        api_field_error(e, "problem", "'%s' is not a problem of this assessment", slug);
        reply_problem_errors(r, http_status_of_errno(rc), json_incref(e), "unknown problem");
        break;
    case SESSION_LANGUAGE:
        api_field_error(e, "language", "'%s' is not allowed in this assessment; allowed: %s",
                        language, ss->languages);
        reply_problem_errors(r, http_status_of_errno(rc), json_incref(e), "language not allowed");
        break;
    case SESSION_NOT_STARTED:
        reply_problem(r, http_status_of_errno(rc), "start the assessment before submitting");
        break;
    case SESSION_FINISHED_EARLY:
        fmt_time(ss->finished, when, sizeof(when));
        reply_problem(r, http_status_of_errno(rc),
                      "you finished this assessment at %s; no more submissions", when);
        break;
    case SESSION_TIME_UP:
        fmt_time(ss->ends, when, sizeof(when));
        reply_problem(r, http_status_of_errno(rc),
                      "the time for this assessment ran out at %s; the submissions made before "
                      "stand",
                      when);
        break;
    case SESSION_CAP:
        reply_problem(r, http_status_of_errno(rc), "the cap of %d submissions for '%s' is reached",
                      ss->max_submissions, slug);
        break;
    case SESSION_FINISHED:
        reply_problem(r, http_status_of_errno(rc),
                      "this assessment is finished; it cannot be started again");
        break;
    case SESSION_EXPIRED:
        fmt_time(ss->expires, when, sizeof(when));
        reply_problem(r, http_status_of_errno(rc),
                      "this invite expired at %s; ask the hiring team for a new one", when);
        break;
    case SESSION_NOT_OPEN:
        fmt_time(ss->opens, when, sizeof(when));
        reply_problem(r, http_status_of_errno(rc), "this assessment opens at %s", when);
        break;
    case SESSION_CLOSED:
        fmt_time(ss->closes, when, sizeof(when));
        reply_problem(r, http_status_of_errno(rc), "this assessment closed at %s", when);
        break;
    case SESSION_PROBLEM_GONE:
    case SESSION_OK:
        reply_problem(r, http_status_of_errno(rc), "cannot read the session: %s", strerror(-rc));
        break;
    }
    json_decref(e);
}

bool api_candidate_may_submit(struct server *s, struct req *r, const char *slug,
                              const char *language, bool counting)
{
    struct session ss = {0};
    enum session_refusal why;
    int rc = sessions_may_submit(s->db, r->who.invite_id, slug, language, counting, db_now_ms(),
                                 &ss, &why);
    if (rc)
        reply_refusal(r, rc, why, &ss, slug, language);
    return rc == 0;
}

/*** The session ***/

static json_t *view_json(const struct session_view *v)
{
    const struct session *ss = &v->session;
    int64_t now = db_now_ms();
    json_t *a = api_assessment_json(&v->assessment);
    json_object_del(a, "webhook_url");
    json_object_del(a, "webhook_events");
    json_object_del(a, "invites");
    json_object_del(a, "created_at");
    const struct report_sheet *sh = &v->sheet;
    json_t *probs = json_object_get(a, "problems");
    for (size_t p = 0; v->sheet_row < sh->ncand && p < json_array_size(probs); p++) {
        const struct report_cell *cl = reports_cell(sh, v->sheet_row, p);
        json_t *o = json_array_get(probs, p);
        json_object_set_new(o, "submissions", json_integer(cl->submissions));
        json_object_set_new(o, "score", json_real(round2(reports_cell_score(sh, v->sheet_row, p))));
        json_object_set_new(o, "best_verdict",
                            cl->counted ? json_string(cl->verdict) : json_null());
        json_object_set_new(o, "final_submission", json_boolean(cl->final));
    }
    json_t *cand = v->name && v->email ? json_pack("{s:s, s:s}", "name", v->name, "email", v->email)
                                       : json_object();
    bool started = ss->started != 0;
    return json_pack("{s:o, s:o, s:s, s:o, s:o, s:o, s:I, s:I}", "candidate", cand, "assessment", a,
                     "state", invite_state_name(sessions_state(ss, now)), "started_at",
                     started ? json_integer(ss->started) : json_null(), "ends_at",
                     started ? json_integer(ss->ends) : json_null(), "finished_at",
                     ss->finished                 ? json_integer(ss->finished)
                     : started && ss->ends <= now ? json_integer(ss->ends)
                                                  : json_null(),
                     "expires_at", (json_int_t)ss->expires, "now", (json_int_t)now);
}

static void reply_session(struct server *s, struct req *r)
{
    struct session_view v;
    int rc = sessions_view(s->db, r->who.invite_id, &v);
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the session: %s", strerror(-rc));
        return;
    }
    reply_json(r, 200, view_json(&v));
    sessions_view_release(&v);
}

void api_candidate_session(struct server *s, struct req *r)
{
    reply_session(s, r);
}

void api_candidate_start(struct server *s, struct req *r)
{
    struct session ss = {0};
    enum session_refusal why;
    int rc = sessions_start(s->db, r->who.invite_id, db_now_ms(), &ss, &why);
    if (rc)
        reply_refusal(r, rc, why, &ss, NULL, NULL);
    else
        reply_session(s, r);
}

void api_candidate_finish(struct server *s, struct req *r)
{
    int rc = sessions_finish(s->db, r->who.invite_id, db_now_ms());
    if (rc == -EEXIST)
        reply_problem(r, 409, "the assessment has not been started");
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the session: %s", strerror(-rc));
    else
        reply_session(s, r);
}

void api_candidate_problem(struct server *s, struct req *r)
{
    const char *slug = r->params[0];
    char *detail = NULL;
    int64_t version = 0;
    enum session_refusal why;
    int rc = sessions_problem(s->db, r->who.invite_id, slug, &detail, &version, &why);
    json_t *d = rc ? NULL : json_loads(detail, 0, NULL);
    if (rc == -EACCES)
        reply_problem(r, http_status_of_errno(rc), "start the assessment to see its problems");
    else if (rc && why == SESSION_NOT_IN_ASSESSMENT)
        reply_problem(r, 404, "no problem '%.64s' in this assessment", slug);
    else if (!d)
        reply_problem(r, 404, "problem '%.64s' is not available", slug);
    else {
        json_object_set_new(d, "slug", json_string(slug));
        json_object_set_new(d, "version", json_integer(version));
        reply_json(r, 200, d);
    }
    free(detail);
}

/*** Drafts and signals ***/

void api_draft_get(struct server *s, struct req *r)
{
    struct draft_row d;
    int rc = drafts_get(s->db, r->who.invite_id, r->params[0], &d);
    if (rc == -ENOENT) {
        reply_problem(r, 404, "no draft of '%.64s' is saved for this candidate", r->params[0]);
        return;
    }
    if (rc) {
        reply_problem(r, http_status_of_errno(rc), "cannot read the draft: %s", strerror(-rc));
        return;
    }
    reply_json(r, 200,
               json_pack("{s:s, s:s, s:s, s:I}", "problem", r->params[0], "language", d.language,
                         "source", d.source, "updated_at", (json_int_t)d.updated_at));
    draft_row_release(&d);
}

void api_draft_put(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    if (!body)
        goto out;
    json_t *js = json_object_get(body, "source"), *jl = json_object_get(body, "language");
    const char *source = json_string_value(js);
    const char *language = jl ? json_string_value(jl) : "c";
    size_t len = json_string_length(js);
    if (source && len > SOURCE_MAX) {
        reply_problem(r, 413, "the draft is %zu bytes; at most %u are kept (as for a submission)",
                      len, SOURCE_MAX);
        goto out;
    }
    if (!source)
        api_field_error(errors, "source", js ? "must be a string" : "is required: the code");
    else if (strlen(source) != len)
        api_field_error(errors, "source", "holds a NUL character");
    const struct lang *lang = language ? lang_by_id(language) : NULL;
    if (!lang || !lang->submissions)
        api_field_error(errors, "language", "must be a language of this judge (c, cpp)");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "the draft has invalid fields");
        goto out;
    }
    /* The problem in the path, while the candidate may write to it. */
    if (!api_candidate_may_submit(s, r, r->params[0], NULL, false) || !api_rate_ok(s, r, "draft"))
        goto out;
    bool changed = false;
    int64_t updated = 0;
    int rc = drafts_put(s->db, r->who.invite_id, r->params[0], language, source, db_now_ms(),
                        &changed, &updated);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot save the draft: %s", strerror(-rc));
    else
        reply_json(r, 200,
                   json_pack("{s:s, s:I, s:b}", "problem", r->params[0], "updated_at",
                             (json_int_t)updated, "changed", changed));
out:
    json_decref(errors);
    json_decref(body);
}

void api_signal_post(struct server *s, struct req *r)
{
    json_t *body = http_json_body(r), *errors = json_array();
    if (!body)
        goto out;
    const char *kind = json_string_value(json_object_get(body, "kind"));
    json_t *jp = json_object_get(body, "problem");
    const char *slug = json_string_value(jp);
    json_t *jsize = json_object_get(body, "size"), *jdur = json_object_get(body, "duration_ms");
    if (!kind || (strcmp(kind, "paste") && strcmp(kind, "blur")))
        api_field_error(errors, "kind", "is required: \"paste\" or \"blur\"");
    if (jp && !json_is_null(jp) && (!slug || !pkg_slug_valid(slug)))
        api_field_error(errors, "problem", "must be the id of a problem of this assessment");
    if (jsize && (!json_is_integer(jsize) || json_integer_value(jsize) < 0 ||
                  json_integer_value(jsize) > SOURCE_MAX))
        api_field_error(errors, "size", "must be a count of characters from 0 to %u", SOURCE_MAX);
    if (jdur && (!json_is_integer(jdur) || json_integer_value(jdur) < 0 ||
                 json_integer_value(jdur) > 24 * 3600 * 1000))
        api_field_error(errors, "duration_ms", "must be milliseconds from 0 to a day");
    if (json_array_size(errors)) {
        reply_problem_errors(r, 422, json_incref(errors), "the signal has invalid fields");
        goto out;
    }
    /* Signals count only while the session runs, as submissions do. */
    if (!api_candidate_may_submit(s, r, slug, NULL, false) || !api_rate_ok(s, r, "signal"))
        goto out;
    int rc = drafts_signal_add(s->db, r->who.invite_id, kind, slug,
                               jsize ? json_integer_value(jsize) : 0,
                               jdur ? json_integer_value(jdur) : 0, db_now_ms());
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot record the signal: %s", strerror(-rc));
    else
        reply_empty(r, 204);
out:
    json_decref(errors);
    json_decref(body);
}

/*** The team's playback ***/

/* The candidate in the path (second parameter) of the caller's assessment; replies when not. */
static int64_t own_candidate(struct server *s, struct req *r)
{
    int64_t aid = api_assessment_own(s, r);
    if (!aid)
        return 0;
    char *end;
    long long inv = strtoll(r->params[1], &end, 10);
    int rc = *end || inv < 1 ? -ENOENT : drafts_candidate_of(s->db, aid, inv);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no candidate '%.64s' in assessment %lld", r->params[1],
                      (long long)aid);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the candidate: %s", strerror(-rc));
    return rc ? 0 : inv;
}

static json_t *timeline_json(int64_t inv, const struct draft_timeline *t)
{
    json_t *snaps = json_array(), *subs = json_array(), *signals = json_array();
    for (size_t i = 0; i < t->nsnapshots; i++) {
        const struct draft_snapshot *x = &t->snapshots[i];
        json_array_append_new(snaps, json_pack("{s:I, s:s, s:I, s:I}", "id", (json_int_t)x->id,
                                               "problem", x->slug, "at", (json_int_t)x->at,
                                               "length", (json_int_t)x->length));
    }
    for (size_t i = 0; i < t->nsubmissions; i++) {
        const struct draft_submission *x = &t->submissions[i];
        json_array_append_new(
            subs, json_pack("{s:s, s:s, s:I, s:s, s:o, s:f, s:f, s:b}", "id", x->id, "problem",
                            x->slug, "at", (json_int_t)x->at, "status", x->status, "verdict",
                            x->verdict[0] ? json_string(x->verdict) : json_null(), "score",
                            x->score, "max_score", x->max_score, "final", x->final));
    }
    for (size_t i = 0; i < t->nsignals; i++) {
        const struct draft_signal *x = &t->signals[i];
        json_t *o =
            json_pack("{s:s, s:o, s:I}", "kind", x->kind, "problem",
                      x->slug[0] ? json_string(x->slug) : json_null(), "at", (json_int_t)x->at);
        if (!strcmp(x->kind, "paste"))
            json_object_set_new(o, "size", json_integer(x->size));
        else
            json_object_set_new(o, "duration_ms", json_integer(x->duration_ms));
        json_array_append_new(signals, o);
    }
    return json_pack("{s:I, s:o, s:o, s:o, s:o, s:o, s:i}", "invite_id", (json_int_t)inv,
                     "started_at", t->started_at ? json_integer(t->started_at) : json_null(),
                     "ended_at", t->ended_at ? json_integer(t->ended_at) : json_null(), "snapshots",
                     snaps, "submissions", subs, "signals", signals, "snapshots_max",
                     SNAPSHOTS_MAX);
}

void api_timeline(struct server *s, struct req *r)
{
    struct draft_timeline t = {0};
    int64_t inv = own_candidate(s, r);
    if (!inv)
        goto out;
    int rc = drafts_timeline(s->db, inv, &t);
    if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the timeline: %s", strerror(-rc));
    else
        reply_json(r, 200, timeline_json(inv, &t));
out:
    drafts_timeline_release(&t);
}

void api_snapshot_get(struct server *s, struct req *r)
{
    struct draft_snapshot snap = {0};
    int64_t inv = own_candidate(s, r);
    if (!inv)
        goto out;
    char *end;
    long long sid = strtoll(r->params[2], &end, 10);
    int rc = *end ? -ENOENT : drafts_snapshot(s->db, inv, sid, &snap);
    if (rc == -ENOENT)
        reply_problem(r, 404, "no snapshot '%.64s' of this candidate", r->params[2]);
    else if (rc)
        reply_problem(r, http_status_of_errno(rc), "cannot read the snapshot: %s", strerror(-rc));
    else
        reply_json(r, 200,
                   json_pack("{s:I, s:s, s:I, s:s}", "id", (json_int_t)snap.id, "problem",
                             snap.slug, "at", (json_int_t)snap.at, "source", snap.source));
out:
    free(snap.source);
}
