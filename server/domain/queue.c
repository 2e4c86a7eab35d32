/*
 * Submissions and their queue. Exactly once: a worker claims a row by moving it from queued to
 * compiling in one statement, and writes the result with a guard on that status in the same
 * transaction as its tests, so a result is recorded once even if a row were judged twice. After
 * a crash, rows left compiling go back to queued and their (unrecorded) judgement starts over.
 *
 * Fairness. The queue is served round robin across clients (a token, a candidate's invite, or
 * the address of an anonymous one), not in arrival order, so one client's many slow submissions
 * cannot hold back everyone else's: the next claimed is the oldest queued submission of the
 * client with the fewest being judged, among those the one served least recently. The last
 * claim of each client with work in the queue is kept in memory (a restart forgets it, which
 * costs nothing but one round of order); claims, local and remote, take one lock so that two
 * never pick the same row. And a client may have a bounded number of submissions queued or
 * being judged at once (--queue-per-client, --queue-per-token).
 */
#define _GNU_SOURCE
#include "queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nodes.h"
#include "render.h"

struct live {
    struct live *next;
    char id[SUBMISSION_ID_LEN + 1];
    char status[16];
    char *compile_output;
    json_t *tests;
    uint64_t version; /* counts its changes */
};

/* When a client was last served, by its key (see queue_client_key). */
struct served {
    char *key;
    uint64_t tick;
};

struct queue {
    pthread_mutex_t claim_lock; /* one claim at a time: the pick and its UPDATE */
    struct served *served;      /* sorted by key; the clients with work queued or being judged */
    size_t nserved;
    uint64_t tick; /* counts claims */
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
    pthread_mutex_init(&q->claim_lock, NULL);
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
    for (size_t i = 0; i < q->nserved; i++)
        free(q->served[i].key);
    free(q->served);
    pthread_cond_destroy(&q->work);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    pthread_mutex_destroy(&q->claim_lock);
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

/*
 * The client a submission row belongs to, in SQL: the same key queue_client_key makes. Candidates
 * by invite first (their token is the invite's), then tokens, then the address.
 */
#define CLIENT_KEY_SQL                                                                             \
    "(CASE WHEN invite_id IS NOT NULL THEN 'i' || invite_id WHEN token_id IS NOT NULL THEN "       \
    "'t' || token_id ELSE 'a' || coalesce(client, '') END)"

void queue_client_key(const struct principal *who, const char *address, char *buf, size_t size)
{
    if (who->role == ROLE_CANDIDATE && who->invite_id)
        snprintf(buf, size, "i%lld", (long long)who->invite_id);
    else if (who->role != ROLE_ANON && who->token_id)
        snprintf(buf, size, "t%lld", (long long)who->token_id);
    else
        snprintf(buf, size, "a%s", address ? address : "");
}

unsigned queue_client_cap(const struct server *s, const struct principal *who)
{
    if (who->role == ROLE_ADMIN)
        return 0;
    return who->role == ROLE_TEAM || who->role == ROLE_WORKER ? s->cfg.queue_per_token
                                                              : s->cfg.queue_per_client;
}

int queue_submit(struct server *s, const struct submit_request *req, char id[SUBMISSION_ID_LEN + 1])
{
    long depth = queue_depth(s, NULL);
    if (depth < 0)
        return -EIO;
    if ((unsigned long)depth >= s->cfg.queue_max)
        return -EAGAIN;
    auth_random_hex(id, SUBMISSION_ID_LEN / 2);
    const struct principal *w = req->who;
    char key[96];
    queue_client_key(w, req->client, key, sizeof(key));
    unsigned cap = queue_client_cap(s, w);
    sqlite3 *c = db_acquire(s->db);
    /* The count and the insert in one statement: concurrent submits of a client cannot all pass. */
    int rc = db_exec(
        c,
        "INSERT INTO submissions (id, version_id, slug, language, source, team_id, "
        "token_id, invite_id, client, status, created_at, anonymous) SELECT ?, ?, ?, ?, ?, "
        "nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, 'queued', ?, ?13 WHERE ?12 = 0 OR (SELECT "
        "count(*) FROM submissions WHERE status IN ('queued', 'compiling') AND " CLIENT_KEY_SQL
        " = ?11) < ?12",
        "sisssiiisisii", id, req->version_id, req->slug, req->language, req->source,
        w->role == ROLE_TEAM || w->role == ROLE_CANDIDATE ? w->team_id : 0, w->token_id,
        w->role == ROLE_CANDIDATE ? w->invite_id : 0, req->client, db_now_ms(), key, (int64_t)cap,
        (int64_t)(w->role == ROLE_ANON));
    bool inserted = rc == SQLITE_OK && sqlite3_changes(c) == 1;
    db_release(s->db, c);
    if (rc != SQLITE_OK)
        return rc == SQLITE_FULL                          ? -ENOSPC
               : rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? -EBUSY
                                                          : -EIO;
    if (!inserted)
        return -EDQUOT;
    pthread_mutex_lock(&s->queue->lock);
    s->queue->pending++;
    pthread_cond_signal(&s->queue->work);
    pthread_mutex_unlock(&s->queue->lock);
    nodes_tell(s, NODES_WORK);
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

void queue_poke(struct server *s, bool work)
{
    struct queue *q = s->queue;
    if (!q)
        return;
    pthread_mutex_lock(&q->lock);
    if (work) {
        q->pending++;
        pthread_cond_signal(&q->work);
    }
    q->lifecycle++;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
}

void queue_wake_all(struct server *s)
{
    pthread_mutex_lock(&s->queue->lock);
    pthread_cond_broadcast(&s->queue->work);
    pthread_cond_broadcast(&s->queue->changed);
    pthread_mutex_unlock(&s->queue->lock);
}

/*** Claiming, fairly ***/

struct head {
    char *key;
    int64_t seq;  /* its oldest queued submission; 0: none queued */
    int64_t busy; /* its submissions being judged */
    uint64_t tick;
};

static int served_cmp(const void *a, const void *b)
{
    return strcmp(((const struct served *)a)->key, ((const struct served *)b)->key);
}

/*
 * Picks the next submission to claim: 0 and *seq, -ENOENT when none is queued, -EIO. The caller
 * holds claim_lock. Replaces the memory of who was served with the clients that still have work.
 */
static int pick_fair(struct queue *q, sqlite3 *c, int64_t *seq)
{
    sqlite3_stmt *st = db_prepare(
        c,
        "SELECT k, min(CASE WHEN status = 'queued' THEN seq END), sum(status = 'compiling') "
        "FROM (SELECT seq, status, " CLIENT_KEY_SQL " AS k FROM submissions "
        "WHERE status IN ('queued', 'compiling')) GROUP BY k ORDER BY k",
        "");
    struct head *heads = NULL;
    size_t n = 0, cap = 0;
    int rc = st ? 0 : -EIO, step = SQLITE_DONE;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? 2 * cap : 64;
            struct head *h = realloc(heads, ncap * sizeof(*h));
            if (!h) {
                rc = -ENOMEM;
                break;
            }
            heads = h;
            cap = ncap;
        }
        heads[n] = (struct head){.key = db_column_strdup(st, 0),
                                 .seq = sqlite3_column_int64(st, 1),
                                 .busy = sqlite3_column_int64(st, 2)};
        if (!heads[n++].key)
            rc = -ENOMEM;
    }
    if (!rc && st && step != SQLITE_DONE)
        rc = -EIO;
    sqlite3_finalize(st);
    /* Both lists are sorted by key: one walk finds each client's last claim. */
    for (size_t i = 0, j = 0; !rc && i < n; i++) {
        while (j < q->nserved && strcmp(q->served[j].key, heads[i].key) < 0)
            j++;
        if (j < q->nserved && !strcmp(q->served[j].key, heads[i].key))
            heads[i].tick = q->served[j].tick;
    }
    struct head *best = NULL;
    for (size_t i = 0; !rc && i < n; i++) {
        struct head *h = &heads[i];
        if (!h->seq)
            continue;
        if (!best || h->busy < best->busy || (h->busy == best->busy && h->tick < best->tick) ||
            (h->busy == best->busy && h->tick == best->tick && h->seq < best->seq))
            best = h;
    }
    if (!rc && !best)
        rc = -ENOENT;
    /* Remember the clients that still have work, the one picked as served now. */
    struct served *served = !rc ? calloc(n, sizeof(*served)) : NULL;
    if (!rc && !served)
        rc = -ENOMEM;
    if (!rc) {
        *seq = best->seq;
        best->tick = ++q->tick;
        for (size_t i = 0; i < n; i++) {
            served[i] = (struct served){heads[i].key, heads[i].tick};
            heads[i].key = NULL;
        }
        for (size_t i = 0; i < q->nserved; i++)
            free(q->served[i].key);
        free(q->served);
        q->served = served;
        q->nserved = n;
        qsort(q->served, n, sizeof(*served), served_cmp); /* sorted already; cheap insurance */
    }
    for (size_t i = 0; i < n; i++)
        free(heads[i].key);
    free(heads);
    return rc;
}

int queue_claim_fair(struct server *s, sqlite3 *c, queue_take_fn take, void *ud)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->claim_lock);
    int64_t seq = 0;
    int rc = pick_fair(q, c, &seq);
    if (!rc)
        rc = take(c, seq, ud);
    pthread_mutex_unlock(&q->claim_lock);
    return rc;
}

static int take_local(sqlite3 *c, int64_t seq, void *ud)
{
    struct job *job = ud;
    sqlite3_stmt *st = db_prepare(
        c,
        "UPDATE submissions SET status = 'compiling', attempts = attempts + 1, started_at = ?, "
        "worker_token_id = NULL WHERE seq = ? AND status = 'queued' "
        "RETURNING seq, id, version_id, language, source, created_at",
        "ii", db_now_ms(), seq);
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
    return rc;
}

int queue_claim(struct server *s, struct job *job)
{
    memset(job, 0, sizeof(*job));
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
    /*
     * The claim needs no fsync of its own: after a crash queue_recover puts compiling rows back
     * to queued anyway, and the result's commit (synchronous=FULL) syncs the log up to it.
     */
    sqlite3_exec(c, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
    int rc = queue_claim_fair(s, c, take_local, job);
    if (rc) {
        job_release(job);
        memset(job, 0, sizeof(*job));
    }
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
                             (int64_t)t->memory_kb,
                             t->wall_ms};
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
                     "verdict, time_ms, memory_kb, message, wall_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?)",
                     "iissisiisi", job->seq, (int64_t)i, t->test->name,
                     pr->pkg->groups[t->test->group].name, (int64_t)t->test->sample,
                     verdict_code(t->verdict), (int64_t)t->time_ms, (int64_t)t->memory_kb,
                     t->message[0] ? t->message : NULL, (int64_t)t->wall_ms);
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
    if (rc == SQLITE_OK)
        nodes_tell(s, NODES_WORK);
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
    nodes_tell(s, NODES_CHANGED);
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
    nodes_tell(s, NODES_CHANGED);
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
                                      "message, sample, wall_ms FROM submission_tests "
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
                sqlite3_column_int64(ts, 8),
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
