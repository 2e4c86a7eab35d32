/*
 * The sweep (sweep.h). Each step takes a bounded batch of rows a pass; a step cut short (a full
 * queue, a crash, a busy store) is taken again on the next pass, because each marks its rows
 * done only once their work is written: finals_at, notified_at, finish_notified_at.
 */
#define _GNU_SOURCE
#include "sweep.h"

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assessments.h"
#include "auth.h"
#include "queue.h"
#include "reports.h"
#include "webhook.h"

static pthread_t sweep_thread;
static bool sweep_running;

/* Rows each step of the sweep takes a pass (the rest wait for the next second). */
#define SWEEP_BATCH 64

/*
 * Queues webhook `event` about candidate `invite` when the assessment takes it: the candidate,
 * their total now, and the fields of `extra` (taken). Runs in the caller's transaction.
 */
static int enqueue_event(dbc *c, int64_t invite, const char *event, json_t *extra)
{
    dbrows *rows = NULL;
    json_t *payload = NULL;
    char *url = NULL, *body = NULL;
    int64_t aid = 0, team = 0;
    int rc = dbc_query(c, &rows,
                       "SELECT a.webhook_url AS url, a.webhook_events AS events, a.id AS aid, "
                       "coalesce(a.team_id, 0) AS team, i.name AS name, i.email AS email "
                       "FROM invites i JOIN assessments a ON a.id = i.assessment_id "
                       "WHERE i.id = ? AND a.webhook_url IS NOT NULL",
                       "i", invite);
    if (!rc)
        rc = dbrows_next(rows);
    if (rc <= 0 || !assessments_event_on(dbrows_text(rows, "events"), event))
        goto out;
    aid = dbrows_int(rows, "aid");
    team = dbrows_int(rows, "team");
    url = dbrows_strdup(rows, "url");
    payload = json_pack("{s:s, s:I, s:I, s:s, s:s}", "event", event, "assessment_id",
                        (json_int_t)aid, "invite_id", (json_int_t)invite, "name",
                        dbrows_text(rows, "name"), "email", dbrows_text(rows, "email"));
    dbrows_free(rows);
    rows = NULL;
    rc = -ENOMEM;
    if (!url || !payload)
        goto out;
    double total, max_total;
    if (reports_candidate_total(c, aid, invite, &total, &max_total) == 0) {
        json_object_set_new(payload, "total", json_real(total));
        json_object_set_new(payload, "max_total", json_real(max_total));
    }
    if (extra)
        json_object_update(payload, extra);
    if (!(body = json_dumps(payload, JSON_COMPACT)))
        goto out;
    /* The message id is the receiver's idempotency key, kept by retries and redeliveries. */
    char msg_id[4 + 33] = "msg_";
    auth_random_hex(msg_id + 4, 16);
    int64_t now = db_now_ms();
    rc = dbc_run(c,
                 "INSERT INTO webhook_deliveries (invite_id, url, payload, next_at, created_at, "
                 "team_id, msg_id, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 "issiiiss", invite, url, body, now, now, team, msg_id, event);
out:
    free(body);
    free(url);
    json_decref(payload);
    json_decref(extra);
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

/* Step 1: sessions whose time ran out are finished by the clock; revoked ones ended then. */
static int sweep_time_up(dbc *c, int64_t now)
{
    return dbc_run(c,
                   "UPDATE invites SET finished_at = ends_at, finish_reason = 'time' "
                   "WHERE finished_at IS NULL AND revoked_at IS NULL AND ends_at IS NOT NULL "
                   "AND ends_at <= ?",
                   "i", now);
}

struct final_draft {
    int64_t version_id;
    char slug[72], language[16];
    char *source;
};

/*
 * The drafts of `invite` to submit at time-up: each problem whose saved draft changed after its
 * last submission (or was never submitted), is not blank and is not the untouched starter code.
 */
static int final_drafts(dbc *c, int64_t invite, int64_t aid, struct final_draft *fd, size_t *nd)
{
    dbrows *rows = NULL;
    int rc = dbc_query(
        c, &rows,
        "SELECT d.slug AS slug, d.language AS language, d.source AS source, p.current AS "
        "version_id, v.detail AS detail FROM drafts d JOIN assessment_problems ap "
        "ON ap.assessment_id = ? AND ap.slug = d.slug JOIN problems p ON p.slug = d.slug "
        "JOIN problem_versions v ON v.id = p.current "
        "LEFT JOIN submissions ls ON ls.seq = (SELECT max(seq) FROM submissions "
        "WHERE invite_id = d.invite_id AND slug = d.slug) "
        "WHERE d.invite_id = ? AND length(trim(d.source)) > 0 AND p.current IS NOT NULL "
        "AND (ls.seq IS NULL OR (d.updated_at > ls.created_at AND d.source != ls.source))",
        "ii", aid, invite);
    *nd = 0;
    while (!rc && *nd < PROBLEMS_MAX && (rc = dbrows_next(rows)) == 1) {
        rc = 0;
        json_t *detail = json_loads(dbrows_text(rows, "detail"), 0, NULL);
        const char *tmpl = json_string_value(json_object_get(detail, "template"));
        bool starter = !strcmp(dbrows_text(rows, "source"), tmpl ? tmpl : "");
        json_decref(detail);
        if (starter)
            continue;
        struct final_draft *f = &fd[*nd];
        snprintf(f->slug, sizeof(f->slug), "%s", dbrows_text(rows, "slug"));
        snprintf(f->language, sizeof(f->language), "%s", dbrows_text(rows, "language"));
        f->version_id = dbrows_int(rows, "version_id");
        if (!(f->source = dbrows_strdup(rows, "source")))
            rc = -ENOMEM;
        else
            (*nd)++;
    }
    dbrows_free(rows);
    return rc < 0 ? rc : 0;
}

/*
 * Step 2: for a session finished by the clock, the changed drafts are judged as final
 * submissions, when the assessment says so; finals_at marks it done. A pass cut short is taken
 * again, and a draft already submitted is then no longer newer than its last submission.
 */
static int sweep_finals(struct server *s, dbc *c, int64_t now)
{
    struct {
        int64_t invite, aid, team;
        bool submit;
    } due[SWEEP_BATCH];
    int n = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(c, &rows,
                       "SELECT i.id AS invite, i.assessment_id AS aid, coalesce(a.team_id, 0) "
                       "AS team, CASE WHEN a.submit_drafts_at_end = 1 AND i.finish_reason = "
                       "'time' THEN 1 ELSE 0 END AS submit FROM invites i JOIN assessments a "
                       "ON a.id = i.assessment_id WHERE i.finished_at IS NOT NULL AND "
                       "i.finals_at IS NULL LIMIT ?",
                       "i", (int64_t)SWEEP_BATCH);
    while (!rc && n < SWEEP_BATCH && (rc = dbrows_next(rows)) == 1) {
        due[n].invite = dbrows_int(rows, "invite");
        due[n].aid = dbrows_int(rows, "aid");
        due[n].team = dbrows_int(rows, "team");
        due[n].submit = dbrows_int(rows, "submit") != 0;
        n++;
        rc = 0;
    }
    dbrows_free(rows);
    if (rc < 0)
        return rc;
    /* Each candidate on its own: one whose submissions the queue refuses now waits alone. */
    for (int i = 0; i < n; i++) {
        struct final_draft fd[PROBLEMS_MAX];
        size_t nd = 0;
        rc = due[i].submit ? final_drafts(c, due[i].invite, due[i].aid, fd, &nd) : 0;
        struct principal who = {.role = ROLE_CANDIDATE,
                                .team_id = due[i].team,
                                .invite_id = due[i].invite,
                                .assessment_id = due[i].aid};
        for (size_t d = 0; d < nd; d++) {
            char id[SUBMISSION_ID_LEN + 1];
            struct submit_request req = {.version_id = fd[d].version_id,
                                         .slug = fd[d].slug,
                                         .language = fd[d].language,
                                         .source = fd[d].source,
                                         .who = &who,
                                         .client = "time-up"};
            /* queue_submit writes on a connection of its own: this one is in no transaction. */
            if (!rc)
                rc = queue_submit(s, &req, id);
            if (!rc)
                rc = dbc_run(c, "UPDATE submissions SET origin = 'final' WHERE id = ?", "s", id);
            free(fd[d].source);
        }
        if (!rc)
            (void)dbc_run(c, "UPDATE invites SET finals_at = ? WHERE id = ?", "ii", now,
                          due[i].invite);
    }
    return 0;
}

struct judged {
    int64_t seq, invite, aid;
    char id[SUBMISSION_ID_LEN + 1], slug[72], verdict[8];
    double score, max_score, notified_total;
    bool final, settled, revoked;
};

/* A finished candidate's total moved since it was announced: candidate.score_changed. */
static int announce_total(dbc *c, const struct judged *j)
{
    double total, max_total, before = j->notified_total;
    if (!j->settled || reports_candidate_total(c, j->aid, j->invite, &total, &max_total))
        return 0;
    /* The totals of earlier rows of this pass were stored already: read it again. */
    dbrows *rows = NULL;
    int rc =
        dbc_query(c, &rows, "SELECT coalesce(notified_total, 0) AS t FROM invites WHERE id = ?",
                  "i", j->invite);
    if (!rc && dbrows_next(rows) == 1)
        before = dbrows_double(rows, "t");
    dbrows_free(rows);
    if (rc || fabs(total - before) < 0.005)
        return rc;
    rc = dbc_run(c, "UPDATE invites SET notified_total = ? WHERE id = ?", "di", total, j->invite);
    if (!rc)
        rc = enqueue_event(c, j->invite, "candidate.score_changed",
                           json_pack("{s:f, s:s}", "previous_total", before, "submission", j->id));
    return rc;
}

/*
 * Step 3: judged submissions of candidates are announced (submission.judged), again after a
 * rejudge; when the candidate's finish was announced already, a total that moved is announced
 * too (candidate.score_changed). Revoked candidates get no more events.
 */
static int sweep_judged(dbc *c)
{
    struct judged j[SWEEP_BATCH];
    int n = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(
        c, &rows,
        "SELECT s.seq AS seq, s.id AS id, s.invite_id AS invite, s.slug AS slug, s.verdict AS "
        "verdict, s.score AS score, s.max_score AS max_score, CASE WHEN s.origin IS NULL THEN 0 "
        "ELSE 1 END AS final, CASE WHEN i.finish_notified_at IS NULL THEN 0 ELSE 1 END AS "
        "settled, coalesce(i.notified_total, 0) AS notified_total, i.assessment_id AS aid, "
        "CASE WHEN i.revoked_at IS NULL THEN 0 ELSE 1 END AS revoked FROM submissions s "
        "JOIN invites i ON i.id = s.invite_id WHERE s.invite_id IS NOT NULL "
        "AND (s.notified_at IS NULL OR s.finished_at > s.notified_at) AND s.status = 'done' "
        "ORDER BY s.seq LIMIT ?",
        "i", (int64_t)SWEEP_BATCH);
    while (!rc && n < SWEEP_BATCH && (rc = dbrows_next(rows)) == 1) {
        struct judged *x = &j[n++];
        x->seq = dbrows_int(rows, "seq");
        snprintf(x->id, sizeof(x->id), "%s", dbrows_text(rows, "id"));
        x->invite = dbrows_int(rows, "invite");
        snprintf(x->slug, sizeof(x->slug), "%s", dbrows_text(rows, "slug"));
        const char *v = dbrows_text(rows, "verdict");
        snprintf(x->verdict, sizeof(x->verdict), "%s", v ? v : "");
        x->score = dbrows_double(rows, "score");
        x->max_score = dbrows_double(rows, "max_score");
        x->final = dbrows_int(rows, "final") != 0;
        x->settled = dbrows_int(rows, "settled") != 0;
        x->notified_total = dbrows_double(rows, "notified_total");
        x->aid = dbrows_int(rows, "aid");
        x->revoked = dbrows_int(rows, "revoked") != 0;
        rc = 0;
    }
    dbrows_free(rows);
    for (int i = 0; rc >= 0 && i < n; i++) {
        rc = dbc_run(c, "UPDATE submissions SET notified_at = finished_at WHERE seq = ?", "i",
                     j[i].seq);
        if (rc || j[i].revoked)
            continue;
        rc = enqueue_event(c, j[i].invite, "submission.judged",
                           json_pack("{s:s, s:s, s:s, s:f, s:f, s:b}", "submission", j[i].id,
                                     "problem", j[i].slug, "verdict", j[i].verdict, "score",
                                     j[i].score, "max_score", j[i].max_score, "final", j[i].final));
        if (!rc)
            rc = announce_total(c, &j[i]);
    }
    return rc < 0 ? rc : 0;
}

/*
 * Step 4: a finished candidate settles once the final submissions are made and every one of
 * their submissions is judged and announced: candidate.finished goes out then, once, with the
 * total that includes the last-minute submissions.
 */
static int sweep_settle(dbc *c, int64_t now)
{
    struct {
        int64_t invite, aid, finished;
        char reason[16];
    } due[SWEEP_BATCH];
    int n = 0;
    dbrows *rows = NULL;
    int rc = dbc_query(
        c, &rows,
        "SELECT i.id AS invite, i.assessment_id AS aid, i.finished_at AS finished, "
        "i.finish_reason AS reason FROM invites i WHERE i.finished_at IS NOT NULL AND "
        "i.finish_notified_at IS NULL AND i.revoked_at IS NULL AND i.finals_at IS NOT NULL AND "
        "NOT EXISTS (SELECT 1 FROM submissions s WHERE s.invite_id = i.id AND (s.status != "
        "'done' OR s.notified_at IS NULL OR s.finished_at > s.notified_at)) LIMIT ?",
        "i", (int64_t)SWEEP_BATCH);
    while (!rc && n < SWEEP_BATCH && (rc = dbrows_next(rows)) == 1) {
        due[n].invite = dbrows_int(rows, "invite");
        due[n].aid = dbrows_int(rows, "aid");
        due[n].finished = dbrows_int(rows, "finished");
        snprintf(due[n].reason, sizeof(due[n].reason), "%s", dbrows_text(rows, "reason"));
        n++;
        rc = 0;
    }
    dbrows_free(rows);
    for (int i = 0; rc >= 0 && i < n; i++) {
        double total = 0, max_total;
        reports_candidate_total(c, due[i].aid, due[i].invite, &total, &max_total);
        rc =
            dbc_run(c, "UPDATE invites SET finish_notified_at = ?, notified_total = ? WHERE id = ?",
                    "idi", now, total, due[i].invite);
        if (!rc)
            rc = enqueue_event(c, due[i].invite, "candidate.finished",
                               json_pack("{s:I, s:s}", "finished_at", (json_int_t)due[i].finished,
                                         "reason", due[i].reason));
    }
    return rc < 0 ? rc : 0;
}

/* One pass: steps 1 and 2 write as they go; 3 and 4 in one transaction, undone on a failure. */
static void sweep_once(struct server *s, dbc *c)
{
    int64_t now = db_now_ms();
    (void)sweep_time_up(c, now);
    (void)sweep_finals(s, c, now);
    int rc = dbc_begin(c);
    if (!rc)
        rc = sweep_judged(c);
    if (!rc)
        rc = sweep_settle(c, now);
    if (!rc)
        rc = dbc_commit(c);
    if (rc)
        dbc_rollback(c);
}

/* Runs a pass once a second: what failed is taken again on the next. */
static void *sweep_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        dbc *c = db_get(s->db);
        if (c)
            sweep_once(s, c);
        db_put(s->db, c);
        for (int i = 0; i < 10 && !s->stopping; i++)
            usleep(100000);
    }
    return NULL;
}

int sweep_start(struct server *s)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    int rc = pthread_create(&sweep_thread, NULL, sweep_main, s);
    sweep_running = rc == 0;
    return rc ? -rc : webhook_start(s);
}

void sweep_stop(struct server *s)
{
    if (sweep_running)
        pthread_join(sweep_thread, NULL);
    sweep_running = false;
    webhook_stop(s);
}
