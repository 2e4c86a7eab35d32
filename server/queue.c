/*
 * Submissions and their queue. Exactly once: a worker claims a row by moving it from queued to
 * compiling in one statement, and writes the result with a guard on that status in the same
 * transaction as its tests, so a result is recorded once even if a row were judged twice. After
 * a crash, rows left compiling go back to queued and their (unrecorded) judgement starts over.
 */
#define _GNU_SOURCE
#include "queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render.h"

struct live {
    struct live *next;
    char id[SUBMISSION_ID_LEN + 1];
    char status[16];
    char *compile_output;
    json_t *tests;
    uint64_t version; /* counts its changes */
};

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a submission came in */
    pthread_cond_t changed; /* some submission made progress */
    uint64_t lifecycle;     /* counts judgements beginning and ending */
    unsigned pending;       /* wake-ups not consumed yet */
    struct live *live;
};

struct queue *queue_new(void)
{
    struct queue *q = calloc(1, sizeof(*q));
    if (!q)
        return NULL;
    pthread_mutex_init(&q->lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&q->work, &ca);
    pthread_cond_init(&q->changed, &ca);
    pthread_condattr_destroy(&ca);
    return q;
}

void queue_free(struct queue *q)
{
    if (!q)
        return;
    while (q->live) {
        struct live *l = q->live;
        q->live = l->next;
        free(l->compile_output);
        json_decref(l->tests);
        free(l);
    }
    pthread_cond_destroy(&q->work);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    free(q);
}

static struct timespec deadline(unsigned ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

int queue_recover(struct server *s, long *count)
{
    sqlite3 *c = db_acquire(s->db);
    int rc = db_exec(c,
                     "UPDATE submissions SET status = 'queued', started_at = NULL "
                     "WHERE status IN ('compiling', 'running') AND lease_id IS NULL",
                     "");
    *count = c ? sqlite3_changes(c) : 0;
    /*
     * A remote worker's lease outlives a restart: the worker may still be judging. It gets a
     * whole lease from now to reach the server again; the sweep re-queues it if it does not.
     */
    if (rc == SQLITE_OK)
        rc = db_exec(c,
                     "UPDATE submissions SET lease_expires_at = max(lease_expires_at, ?) "
                     "WHERE lease_id IS NOT NULL AND status = 'compiling'",
                     "i", db_now_ms() + (int64_t)(s->cfg.lease_s ? s->cfg.lease_s : 30) * 1000);
    db_release(s->db, c);
    return rc == SQLITE_OK ? 0 : -EIO;
}

long queue_depth(struct server *s, long *running)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(c,
                                  "SELECT sum(status = 'queued'), sum(status = 'compiling') "
                                  "FROM submissions WHERE status IN ('queued', 'compiling')",
                                  "");
    long depth = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        depth = sqlite3_column_int64(st, 0);
        if (running)
            *running = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    db_release(s->db, c);
    return depth;
}

int queue_submit(struct server *s, const struct submit_request *req, char id[SUBMISSION_ID_LEN + 1])
{
    long depth = queue_depth(s, NULL);
    if (depth < 0)
        return -EIO;
    if ((unsigned long)depth >= s->cfg.queue_max)
        return -EAGAIN;
    auth_random_hex(id, SUBMISSION_ID_LEN / 2);
    sqlite3 *c = db_acquire(s->db);
    const struct principal *w = req->who;
    int rc =
        db_exec(c,
                "INSERT INTO submissions (id, version_id, slug, language, source, team_id, "
                "token_id, invite_id, client, status, created_at, anonymous) VALUES (?, ?, ?, ?, "
                "?, nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, 'queued', ?, ?)",
                "sisssiiisii", id, req->version_id, req->slug, req->language, req->source,
                w->role == ROLE_TEAM || w->role == ROLE_CANDIDATE ? w->team_id : 0, w->token_id,
                w->role == ROLE_CANDIDATE ? w->invite_id : 0, req->client, db_now_ms(),
                (int64_t)(w->role == ROLE_ANON));
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        return rc == SQLITE_FULL                          ? -ENOSPC
               : rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? -EBUSY
                                                          : -EIO;
    pthread_mutex_lock(&s->queue->lock);
    s->queue->pending++;
    pthread_cond_signal(&s->queue->work);
    pthread_mutex_unlock(&s->queue->lock);
    return 0;
}

void queue_wait_work(struct server *s, unsigned ms)
{
    struct queue *q = s->queue;
    struct timespec ts = deadline(ms);
    pthread_mutex_lock(&q->lock);
    while (!q->pending && !s->stopping)
        if (pthread_cond_timedwait(&q->work, &q->lock, &ts) == ETIMEDOUT)
            break;
    if (q->pending)
        q->pending--;
    pthread_mutex_unlock(&q->lock);
}

void queue_wake_all(struct server *s)
{
    pthread_mutex_lock(&s->queue->lock);
    pthread_cond_broadcast(&s->queue->work);
    pthread_cond_broadcast(&s->queue->changed);
    pthread_mutex_unlock(&s->queue->lock);
}

int queue_claim(struct server *s, struct job *job)
{
    memset(job, 0, sizeof(*job));
    sqlite3 *c = db_acquire(s->db);
    /*
     * The claim needs no fsync of its own: after a crash queue_recover puts compiling rows back
     * to queued anyway, and the result's commit (synchronous=FULL) syncs the log up to it.
     */
    sqlite3_exec(c, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    sqlite3_stmt *st = db_prepare(
        c,
        "UPDATE submissions SET status = 'compiling', attempts = attempts + 1, started_at = ?, "
        "worker_token_id = NULL "
        "WHERE seq = (SELECT seq FROM submissions WHERE status = 'queued' ORDER BY seq LIMIT 1) "
        "AND status = 'queued' RETURNING seq, id, version_id, language, source, created_at",
        "i", db_now_ms());
    int rc = -EIO;
    if (st) {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            job->seq = sqlite3_column_int64(st, 0);
            snprintf(job->id, sizeof(job->id), "%s", (const char *)sqlite3_column_text(st, 1));
            job->version_id = sqlite3_column_int64(st, 2);
            snprintf(job->language, sizeof(job->language), "%s",
                     (const char *)sqlite3_column_text(st, 3));
            job->source = db_column_strdup(st, 4);
            job->created_at = sqlite3_column_int64(st, 5);
            rc = job->source ? 0 : -ENOMEM;
        } else if (step == SQLITE_DONE) {
            rc = -ENOENT;
        }
        /* Step to the end so the UPDATE's statement completes before finalize. */
        while (step == SQLITE_ROW)
            step = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    sqlite3_exec(c, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
    db_release(s->db, c);
    return rc;
}

void job_release(struct job *job)
{
    free(job->source);
    job->source = NULL;
}

char *queue_compile_output_stored(const char *text)
{
    static const char note[] = "\n[compiler output cut at 64 KiB]\n";
    size_t len = strlen(text);
    if (len <= COMPILE_OUTPUT_STORED_MAX)
        return strdup(text);
    size_t keep = COMPILE_OUTPUT_STORED_MAX - (sizeof(note) - 1);
    /* Cut on a character boundary: the API's JSON strings are UTF-8. */
    while (keep > 0 && ((unsigned char)text[keep] & 0xc0) == 0x80)
        keep--;
    char *out = malloc(keep + sizeof(note));
    if (!out)
        return NULL;
    memcpy(out, text, keep);
    memcpy(out + keep, note, sizeof(note));
    return out;
}

json_t *queue_test_json(const struct problem *pr, const struct test_result *t, size_t index)
{
    struct render_test rt = {(int64_t)index,
                             t->test->name,
                             pr->pkg->groups[t->test->group].name,
                             verdict_code(t->verdict),
                             t->message,
                             t->test->sample,
                             t->time_ms,
                             (int64_t)t->memory_kb};
    return render_test_raw(&rt);
}

int queue_finish(struct server *s, const struct job *job, const struct problem *pr,
                 const struct judge_result *res)
{
    char *output = queue_compile_output_stored(res->compile_output ? res->compile_output : "");
    if (!output)
        return -ENOMEM;
    sqlite3 *c = db_acquire(s->db);
    int rc = db_begin(c);
    if (rc == SQLITE_OK)
        rc = db_exec(c,
                     "UPDATE submissions SET status = 'done', verdict = ?, score = ?, "
                     "max_score = ?, time_ms = ?, memory_kb = ?, compile_output = ?, error = ?, "
                     "finished_at = ? WHERE seq = ? AND status = 'compiling'",
                     "sddiissii", verdict_code(res->verdict), res->score, res->max_score,
                     (int64_t)res->time_ms, (int64_t)res->memory_kb, output, res->error,
                     db_now_ms(), job->seq);
    if (rc == SQLITE_OK && sqlite3_changes(c) != 1)
        rc = SQLITE_CONSTRAINT; /* someone else recorded it: record nothing */
    if (rc == SQLITE_OK)
        rc = db_exec(c, "DELETE FROM submission_tests WHERE submission_seq = ?", "i", job->seq);
    for (size_t i = 0; rc == SQLITE_OK && i < res->ntests; i++) {
        const struct test_result *t = &res->tests[i];
        /* Stored whole: what a viewer is shown of it is render.c's to say. */
        rc = db_exec(c,
                     "INSERT INTO submission_tests (submission_seq, idx, name, grp, sample, "
                     "verdict, time_ms, memory_kb, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "iissisiis", job->seq, (int64_t)i, t->test->name,
                     pr->pkg->groups[t->test->group].name, (int64_t)t->test->sample,
                     verdict_code(t->verdict), (int64_t)t->time_ms, (int64_t)t->memory_kb,
                     t->message[0] ? t->message : NULL);
    }
    if (rc == SQLITE_OK)
        rc = db_commit(c);
    if (rc != SQLITE_OK)
        db_rollback(c);
    db_release(s->db, c);
    free(output);
    return rc == SQLITE_OK ? 0 : rc == SQLITE_CONSTRAINT ? -EALREADY : -EIO;
}

int queue_requeue(struct server *s, const struct job *job)
{
    sqlite3 *c = db_acquire(s->db);
    int rc = db_exec(c,
                     "UPDATE submissions SET status = 'queued', started_at = NULL "
                     "WHERE seq = ? AND status = 'compiling'",
                     "i", job->seq);
    db_release(s->db, c);
    return rc == SQLITE_OK ? 0 : -EIO;
}

int queue_delete_anonymous(struct server *s, int64_t before_ms, long *count)
{
    sqlite3 *c = db_acquire(s->db);
    /* Done ones only: a queued or running one is still someone's answer to wait for. */
    int rc = db_begin(c);
    if (rc == SQLITE_OK)
        rc = db_exec(c,
                     "DELETE FROM submission_tests WHERE submission_seq IN (SELECT seq FROM "
                     "submissions WHERE anonymous = 1 AND created_at < ? AND status = 'done')",
                     "i", before_ms);
    if (rc == SQLITE_OK)
        rc = db_exec(c,
                     "DELETE FROM submissions WHERE anonymous = 1 AND created_at < ? AND "
                     "status = 'done'",
                     "i", before_ms);
    long n = rc == SQLITE_OK ? (long)sqlite3_changes(c) : 0;
    if (rc == SQLITE_OK)
        rc = db_commit(c);
    if (rc != SQLITE_OK)
        db_rollback(c);
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        return -EIO;
    *count = n;
    return 0;
}

/*** Live progress ***/

static struct live *live_find(struct queue *q, const char *id)
{
    for (struct live *l = q->live; l; l = l->next)
        if (!strcmp(l->id, id))
            return l;
    return NULL;
}

static void changed(struct queue *q)
{
    pthread_cond_broadcast(&q->changed);
}

void queue_live_begin(struct server *s, const char *id)
{
    struct queue *q = s->queue;
    struct live *l = calloc(1, sizeof(*l));
    if (!l)
        return;
    snprintf(l->id, sizeof(l->id), "%s", id);
    snprintf(l->status, sizeof(l->status), "compiling");
    l->tests = json_array();
    pthread_mutex_lock(&q->lock);
    l->next = q->live;
    q->live = l;
    q->lifecycle++;
    changed(q);
    pthread_mutex_unlock(&q->lock);
}

void queue_live_status(struct server *s, const char *id, const char *status,
                       const char *compile_output)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    struct live *l = live_find(q, id);
    if (l) {
        snprintf(l->status, sizeof(l->status), "%s", status);
        if (compile_output && !l->compile_output)
            l->compile_output = queue_compile_output_stored(compile_output);
        l->version++;
        changed(q);
    }
    pthread_mutex_unlock(&q->lock);
}

void queue_live_test(struct server *s, const char *id, json_t *test)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    struct live *l = live_find(q, id);
    if (l) {
        json_array_append(l->tests, test);
        l->version++;
        changed(q);
    }
    pthread_mutex_unlock(&q->lock);
    json_decref(test);
}

void queue_live_end(struct server *s, const char *id)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    for (struct live **p = &q->live; *p; p = &(*p)->next) {
        if (!strcmp((*p)->id, id)) {
            struct live *l = *p;
            *p = l->next;
            free(l->compile_output);
            json_decref(l->tests);
            free(l);
            break;
        }
    }
    q->lifecycle++;
    changed(q);
    pthread_mutex_unlock(&q->lock);
}

const char *queue_live_status_of(struct server *s, const char *id, char *buf, size_t size)
{
    pthread_mutex_lock(&s->queue->lock);
    struct live *l = live_find(s->queue, id);
    if (l)
        snprintf(buf, size, "%s", l->status);
    pthread_mutex_unlock(&s->queue->lock);
    return l ? buf : NULL;
}

static void watch_snapshot(struct queue *q, const char *id, struct queue_watch *w)
{
    struct live *l = live_find(q, id);
    w->lifecycle = q->lifecycle;
    w->present = l != NULL;
    w->version = l ? l->version : 0;
}

void queue_watch_init(struct server *s, const char *id, struct queue_watch *w)
{
    pthread_mutex_lock(&s->queue->lock);
    watch_snapshot(s->queue, id, w);
    pthread_mutex_unlock(&s->queue->lock);
}

bool queue_watch_wait(struct server *s, const char *id, struct queue_watch *w, unsigned ms)
{
    struct queue *q = s->queue;
    struct timespec ts = deadline(ms);
    bool moved = false;
    pthread_mutex_lock(&q->lock);
    for (;;) {
        struct queue_watch now;
        watch_snapshot(q, id, &now);
        moved = now.lifecycle != w->lifecycle || now.present != w->present ||
                now.version != w->version || s->stopping;
        if (moved) {
            *w = now;
            break;
        }
        if (pthread_cond_timedwait(&q->changed, &q->lock, &ts) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&q->lock);
    return moved;
}

/*** Reading results ***/

static bool visible(const struct principal *who, int64_t team_id, int64_t invite_id)
{
    if (who->role == ROLE_ADMIN)
        return true;
    /* A candidate's: the candidate and the assessment's team. */
    if (invite_id)
        return (who->role == ROLE_CANDIDATE && who->invite_id == invite_id) ||
               (who->role == ROLE_TEAM && team_id && who->team_id == team_id);
    if (who->role == ROLE_CANDIDATE)
        return false;
    /* Anonymous practice submissions are reached by their unguessable id alone. */
    if (team_id == 0)
        return true;
    return who->role == ROLE_TEAM && who->team_id == team_id;
}

json_t *queue_result(struct server *s, const char *id, const struct principal *who,
                     bool with_source, unsigned *status)
{
    sqlite3 *c = db_acquire(s->db);
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT seq, slug, language, status, verdict, score, max_score, time_ms, memory_kb, "
        "compile_output, coalesce(team_id, 0), created_at, finished_at, source, error, "
        "(SELECT version FROM problem_versions v WHERE v.id = version_id), "
        "coalesce(invite_id, 0), (SELECT a.show_hidden FROM invites i JOIN assessments a "
        "ON a.id = i.assessment_id WHERE i.id = invite_id), "
        "(SELECT coalesce(p.team_id, 0) FROM problems p WHERE p.slug = submissions.slug) "
        "FROM submissions WHERE id = ?",
        "s", id);
    json_t *r = NULL;
    *status = 500;
    if (!st)
        goto out;
    int step = sqlite3_step(st);
    if (step != SQLITE_ROW) {
        *status = step == SQLITE_DONE ? 404 : 500;
        goto out;
    }
    if (!visible(who, sqlite3_column_int64(st, 10), sqlite3_column_int64(st, 16))) {
        *status = 404;
        goto out;
    }
    struct render_view view =
        render_view_of(who, sqlite3_column_int64(st, 18), sqlite3_column_int(st, 17));
    int64_t seq = sqlite3_column_int64(st, 0);
    const char *dbstatus = (const char *)sqlite3_column_text(st, 3);
    bool done = !strcmp(dbstatus, "done");
    r = json_pack(
        "{s:s, s:s, s:s, s:s, s:o, s:f, s:f, s:s, s:I, s:I, s:o}", "id", id, "problem",
        sqlite3_column_text(st, 1), "language", sqlite3_column_text(st, 2), "status", dbstatus,
        "verdict", done ? json_string((const char *)sqlite3_column_text(st, 4)) : json_null(),
        "score", sqlite3_column_double(st, 5), "max_score", sqlite3_column_double(st, 6),
        "compile_output",
        sqlite3_column_text(st, 9) ? (const char *)sqlite3_column_text(st, 9) : "",
        "problem_version", (json_int_t)sqlite3_column_int64(st, 15), "created_at",
        (json_int_t)sqlite3_column_int64(st, 11), "finished_at",
        sqlite3_column_type(st, 12) == SQLITE_NULL ? json_null()
                                                   : json_integer(sqlite3_column_int64(st, 12)));
    if (with_source)
        json_object_set_new(r, "source", json_string((const char *)sqlite3_column_text(st, 13)));
    if (who->role == ROLE_ADMIN && sqlite3_column_type(st, 14) != SQLITE_NULL)
        json_object_set_new(r, "error", json_string((const char *)sqlite3_column_text(st, 14)));
    struct render_figures fig = {sqlite3_column_int64(st, 7), sqlite3_column_int64(st, 8), 0, 0};
    json_t *tests = json_array();
    size_t hidden = 0;
    if (done) {
        sqlite3_stmt *ts = db_prepare(c,
                                      "SELECT idx, name, grp, verdict, time_ms, memory_kb, "
                                      "message, sample FROM submission_tests "
                                      "WHERE submission_seq = ? ORDER BY idx",
                                      "i", seq);
        while (ts && sqlite3_step(ts) == SQLITE_ROW) {
            struct render_test t = {
                sqlite3_column_int64(ts, 0),
                (const char *)sqlite3_column_text(ts, 1),
                (const char *)sqlite3_column_text(ts, 2),
                (const char *)sqlite3_column_text(ts, 3),
                (const char *)sqlite3_column_text(ts, 6),
                sqlite3_column_int(ts, 7) != 0,
                sqlite3_column_int64(ts, 4),
                sqlite3_column_int64(ts, 5),
            };
            render_figures_add(&fig, &t);
            json_t *o = render_test(&view, &t);
            if (o)
                json_array_append_new(tests, o);
            else
                hidden++;
        }
        sqlite3_finalize(ts);
    } else {
        struct queue *q = s->queue;
        pthread_mutex_lock(&q->lock);
        struct live *l = live_find(q, id);
        if (l) {
            json_object_set_new(r, "status", json_string(l->status));
            for (size_t i = 0; i < json_array_size(l->tests); i++) {
                json_t *o = render_test_json(&view, json_array_get(l->tests, i));
                if (o)
                    json_array_append_new(tests, o);
                else
                    hidden++;
            }
            if (l->compile_output)
                json_object_set_new(r, "compile_output", json_string(l->compile_output));
        }
        pthread_mutex_unlock(&q->lock);
    }
    render_figures_set(&view, &fig, r);
    if (view.drop_hidden)
        json_object_set_new(r, "tests_hidden", json_integer((json_int_t)hidden));
    json_object_set_new(r, "tests", tests);
    *status = 200;
out:
    sqlite3_finalize(st);
    db_release(s->db, c);
    return r;
}
