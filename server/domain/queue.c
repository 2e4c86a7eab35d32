/*
 * Submissions and their queue.
 *
 * Exactly once. A claim moves one row from queued to compiling in one conditional UPDATE and
 * counts it in `attempts`; the claim is then named by (seq, attempts) for a local worker and by
 * its lease id for a remote one. A result is written in one transaction with its tests, guarded
 * on that claim being current (status compiling, same attempt or lease), so a result is recorded
 * once even if a row were judged twice, by two threads or by two judged processes sharing one
 * PostgreSQL store. After a crash, rows left compiling go back to queued and their (unrecorded)
 * judgement starts over.
 *
 * Claiming across processes. On PostgreSQL the row is picked with FOR UPDATE SKIP LOCKED, so
 * two processes claiming at once take two different rows instead of waiting on each other; on
 * SQLite, one writer at a time does the same, and a claim that finds its pick gone (taken by
 * another) picks again.
 *
 * Fairness. The queue is served round robin across clients (a token, a candidate's invite, or
 * the address of an anonymous one), not in arrival order, so one client's many slow submissions
 * cannot hold back everyone else's: the next claimed is the oldest queued submission of the
 * client with the fewest being judged, among those the one served least recently. The last
 * claim of each client with work in the queue is kept in memory (a restart forgets it, which
 * costs nothing but one round of order). And a client may have a bounded number of submissions
 * queued or being judged at once (--queue-per-client, --queue-per-token).
 */
#define _GNU_SOURCE
#include "queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "queue_int.h"

/* A claim that lost its pick to another claimer picks again, this many times at most. */
#define CLAIM_TRIES 8

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
    queue_live_free_all(q);
    for (size_t i = 0; i < q->nserved; i++)
        free(q->served[i].key);
    free(q->served);
    pthread_cond_destroy(&q->work);
    pthread_cond_destroy(&q->changed);
    pthread_mutex_destroy(&q->lock);
    pthread_mutex_destroy(&q->claim_lock);
    free(q);
}

int queue_recover(struct server *s, long *count)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_run(c,
                     "UPDATE submissions SET status = 'queued', started_at = NULL "
                     "WHERE status IN ('compiling', 'running') AND lease_id IS NULL",
                     "");
    if (rc)
        goto out;
    *count = (long)dbc_changes(c);
    /*
     * A remote worker's lease outlives a restart: the worker may still be judging. It gets a
     * whole lease from now to reach the server again; the sweep re-queues it if it does not.
     */
    int64_t until = db_now_ms() + (int64_t)(s->cfg.lease_s ? s->cfg.lease_s : 30) * 1000;
    rc = dbc_run(c,
                 "UPDATE submissions SET lease_expires_at = CASE WHEN lease_expires_at > ? THEN "
                 "lease_expires_at ELSE ? END WHERE lease_id IS NOT NULL AND status = 'compiling'",
                 "ii", until, until);
out:
    db_put(s->db, c);
    return rc;
}

long queue_depth(struct server *s, long *running)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    long depth;
    int rc = dbc_query(c, &r,
                       "SELECT coalesce(sum(CASE WHEN status = 'queued' THEN 1 ELSE 0 END), 0) "
                       "AS queued, coalesce(sum(CASE WHEN status = 'compiling' THEN 1 ELSE 0 "
                       "END), 0) AS busy FROM submissions WHERE status IN ('queued', 'compiling')",
                       "");
    if (!rc)
        rc = dbrows_next(r);
    if (rc < 0) {
        depth = rc;
        goto out;
    }
    depth = rc == 1 ? (long)dbrows_int(r, "queued") : 0;
    if (running)
        *running = rc == 1 ? (long)dbrows_int(r, "busy") : 0;
out:
    dbrows_free(r);
    db_put(s->db, c);
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
        return (int)depth;
    if ((unsigned long)depth >= s->cfg.queue_max)
        return -EAGAIN;
    auth_random_hex(id, SUBMISSION_ID_LEN / 2);
    const struct principal *w = req->who;
    char key[96];
    queue_client_key(w, req->client, key, sizeof(key));
    int64_t cap = queue_client_cap(s, w);
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    /*
     * The count and the insert in one statement: concurrent submits of a client cannot all pass
     * on SQLite (one writer). On a shared PostgreSQL two nodes may each pass the count at once:
     * the cap is a share, not a rule of correctness, and is then exceeded by at most one per node.
     */
    int rc = dbc_run(
        c,
        "INSERT INTO submissions (id, version_id, slug, language, source, team_id, token_id, "
        "invite_id, client, status, created_at, anonymous) SELECT ?, ?, ?, ?, ?, nullif(?, 0), "
        "nullif(?, 0), nullif(?, 0), ?, 'queued', ?, ? WHERE ? = 0 OR (SELECT count(*) FROM "
        "submissions WHERE status IN ('queued', 'compiling') AND " CLIENT_KEY_SQL " = ?) < ?",
        "sisssiiisiiisi", id, req->version_id, req->slug, req->language, req->source,
        w->role == ROLE_TEAM || w->role == ROLE_CANDIDATE ? w->team_id : 0, w->token_id,
        w->role == ROLE_CANDIDATE ? w->invite_id : 0, req->client, db_now_ms(),
        (int64_t)(w->role == ROLE_ANON), cap, key, cap);
    if (!rc && dbc_changes(c) != 1)
        rc = -EDQUOT;
    db_put(s->db, c);
    if (!rc)
        queue_notify(s, QUEUE_WORK);
    return rc;
}

/*** Claiming, fairly ***/

struct head {
    char *key;
    int64_t seq;  /* its oldest queued submission; 0: none queued */
    int64_t busy; /* its submissions being judged */
    uint64_t tick;
};

static int head_cmp(const void *a, const void *b)
{
    return strcmp(((const struct head *)a)->key, ((const struct head *)b)->key);
}

/* The clients with work queued or being judged, sorted by key with strcmp (not the store's
 * collation, which differs between engines). 0, -ENOMEM, -EIO. */
static int read_heads(dbc *c, struct head **out, size_t *count)
{
    dbrows *r = NULL;
    struct head *heads = NULL;
    size_t n = 0, cap = 0;
    int rc = dbc_query(c, &r,
                       "SELECT k, coalesce(min(CASE WHEN status = 'queued' THEN seq END), 0) "
                       "AS head, sum(CASE WHEN status = 'compiling' THEN 1 ELSE 0 END) AS busy "
                       "FROM (SELECT seq, status, " CLIENT_KEY_SQL " AS k FROM submissions "
                       "WHERE status IN ('queued', 'compiling')) AS w GROUP BY k",
                       "");
    while (!rc && (rc = dbrows_next(r)) == 1) {
        rc = 0;
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
        heads[n] = (struct head){.key = dbrows_strdup(r, "k"),
                                 .seq = dbrows_int(r, "head"),
                                 .busy = dbrows_int(r, "busy")};
        if (!heads[n++].key)
            rc = -ENOMEM;
    }
    dbrows_free(r);
    if (rc) {
        for (size_t i = 0; i < n; i++)
            free(heads[i].key);
        free(heads);
        return rc;
    }
    qsort(heads, n, sizeof(*heads), head_cmp);
    *out = heads;
    *count = n;
    return 0;
}

/*
 * Picks the client whose oldest queued submission is claimed next: its key into `key`. 0,
 * -ENOENT when none is queued, -ENOMEM, -EIO. The caller holds claim_lock. Replaces the memory
 * of who was served with the clients that still have work, the one picked as served now.
 */
static int pick_fair(struct queue *q, dbc *c, char *key, size_t size)
{
    struct head *heads = NULL;
    size_t n = 0;
    int rc = read_heads(c, &heads, &n);
    if (rc)
        return rc;
    /* Both lists are sorted by key: one walk finds each client's last claim. */
    for (size_t i = 0, j = 0; i < n; i++) {
        while (j < q->nserved && strcmp(q->served[j].key, heads[i].key) < 0)
            j++;
        if (j < q->nserved && !strcmp(q->served[j].key, heads[i].key))
            heads[i].tick = q->served[j].tick;
    }
    struct head *best = NULL;
    for (size_t i = 0; i < n; i++) {
        struct head *h = &heads[i];
        if (!h->seq)
            continue;
        if (!best || h->busy < best->busy || (h->busy == best->busy && h->tick < best->tick) ||
            (h->busy == best->busy && h->tick == best->tick && h->seq < best->seq))
            best = h;
    }
    struct served *served = NULL;
    if (!best) {
        rc = -ENOENT;
        goto out;
    }
    served = calloc(n, sizeof(*served));
    if (!served) {
        rc = -ENOMEM;
        goto out;
    }
    snprintf(key, size, "%s", best->key);
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
out:
    for (size_t i = 0; i < n; i++)
        free(heads[i].key);
    free(heads);
    return rc;
}

/*
 * Moves the oldest queued submission of client `key` to compiling, with the lease `t` (or none),
 * and reads it into *job. 0, -ENOENT when that client has none queued any more (another claimer
 * took it), -ENOMEM, -EIO.
 */
static int take(dbc *c, const char *key, const struct lease_terms *t, struct job *job)
{
    static const char *const sql_sqlite =
        "UPDATE submissions SET status = 'compiling', attempts = attempts + 1, started_at = ?, "
        "lease_id = ?, lease_expires_at = nullif(?, 0), worker_token_id = nullif(?, 0) "
        "WHERE seq = (SELECT seq FROM submissions WHERE status = 'queued' AND " CLIENT_KEY_SQL
        " = ? ORDER BY seq LIMIT 1) AND status = 'queued' "
        "RETURNING seq, attempts, id, version_id, language, source, created_at";
    /* The same, skipping rows another process is claiming right now instead of waiting. */
    static const char *const sql_postgres =
        "UPDATE submissions SET status = 'compiling', attempts = attempts + 1, started_at = ?, "
        "lease_id = ?, lease_expires_at = nullif(?, 0), worker_token_id = nullif(?, 0) "
        "WHERE seq = (SELECT seq FROM submissions WHERE status = 'queued' AND " CLIENT_KEY_SQL
        " = ? ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED) AND status = 'queued' "
        "RETURNING seq, attempts, id, version_id, language, source, created_at";
    dbrows *r = NULL;
    int rc = dbc_query(c, &r, DB_SQL(c, sql_sqlite, sql_postgres), "isiis", db_now_ms(),
                       t ? t->lease_id : NULL, t ? t->expires_at : 0, t ? t->token_id : 0, key);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ENOENT;
    if (rc < 0)
        goto out;
    job->seq = dbrows_int(r, "seq");
    job->attempt = dbrows_int(r, "attempts");
    snprintf(job->id, sizeof(job->id), "%s", dbrows_text(r, "id"));
    job->version_id = dbrows_int(r, "version_id");
    snprintf(job->language, sizeof(job->language), "%s", dbrows_text(r, "language"));
    job->source = dbrows_strdup(r, "source");
    job->created_at = dbrows_int(r, "created_at");
    rc = job->source ? 0 : -ENOMEM;
out:
    dbrows_free(r);
    return rc;
}

static int claim(struct server *s, const struct lease_terms *t, struct job *job)
{
    memset(job, 0, sizeof(*job));
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int64_t queued = 0;
    bool lite = dbc_kind(c) == DB_SQLITE, relaxed = false;
    /* A read first: an empty queue costs no write lock, however many workers wait on it. */
    int rc = dbc_scalar(c, &queued,
                        "SELECT count(*) AS n FROM (SELECT 1 AS one FROM submissions "
                        "WHERE status = 'queued' LIMIT 1) AS q",
                        "");
    if (!rc && !queued)
        rc = -ENOENT;
    if (rc)
        goto out;
    /*
     * On SQLite the claim needs no fsync of its own: after a crash queue_recover puts compiling
     * rows back to queued anyway, and the result's commit (synchronous=FULL) syncs the log up
     * to it. (PostgreSQL commits are the server's to make durable.)
     */
    if (lite)
        relaxed = dbc_run(c, "PRAGMA synchronous=NORMAL", "") == 0;
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->claim_lock);
    rc = -ENOENT;
    for (int tries = 0; rc == -ENOENT && tries < CLAIM_TRIES; tries++) {
        char key[96];
        rc = pick_fair(q, c, key, sizeof(key));
        if (!rc)
            rc = take(c, key, t, job);
        else
            break; /* nothing queued (-ENOENT), or an error */
    }
    pthread_mutex_unlock(&q->claim_lock);
    if (relaxed)
        dbc_run(c, "PRAGMA synchronous=FULL", "");
out:
    db_put(s->db, c);
    if (rc) {
        job_release(job);
        memset(job, 0, sizeof(*job));
    }
    return rc;
}

int queue_claim(struct server *s, struct job *job)
{
    return claim(s, NULL, job);
}

int queue_claim_leased(struct server *s, const struct lease_terms *terms, struct job *job)
{
    return claim(s, terms, job);
}

void job_release(struct job *job)
{
    free(job->source);
    job->source = NULL;
}

/*** Results ***/

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

void test_row_release(struct test_row *t)
{
    if (!t)
        return;
    free(t->name);
    free(t->group);
    free(t->verdict);
    free(t->message);
    t->name = t->group = t->verdict = t->message = NULL;
}

struct test_row queue_test_row(const struct problem *pr, const struct test_result *t, size_t index)
{
    /* Borrowed strings: the casts drop const, nothing is written through them. */
    return (struct test_row){.index = (int64_t)index,
                             .name = (char *)t->test->name,
                             .group = (char *)pr->pkg->groups[t->test->group].name,
                             .verdict = (char *)verdict_code(t->verdict),
                             .message = (char *)t->message,
                             .sample = t->test->sample,
                             .time_ms = t->time_ms,
                             .memory_kb = (int64_t)t->memory_kb,
                             .wall_ms = t->wall_ms};
}

int queue_store_result(dbc *c, int64_t seq, const struct judged_result *res)
{
    char *output = queue_compile_output_stored(res->compile_output ? res->compile_output : "");
    if (!output)
        return -ENOMEM;
    int rc = dbc_run(c,
                     "UPDATE submissions SET status = 'done', verdict = ?, score = ?, "
                     "max_score = ?, time_ms = ?, memory_kb = ?, compile_output = ?, error = ?, "
                     "finished_at = ? WHERE seq = ?",
                     "sddiissii", verdict_code(res->verdict), res->score, res->max_score,
                     res->time_ms, res->memory_kb, output, res->error, db_now_ms(), seq);
    if (!rc)
        rc = dbc_run(c, "DELETE FROM submission_tests WHERE submission_seq = ?", "i", seq);
    for (size_t i = 0; !rc && i < res->ntests; i++) {
        const struct test_row *t = &res->tests[i];
        /* Stored whole: what a viewer is shown of it is render.c's to say. */
        rc = dbc_run(c,
                     "INSERT INTO submission_tests (submission_seq, idx, name, grp, sample, "
                     "verdict, time_ms, memory_kb, message, wall_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?)",
                     "iissisiisi", seq, (int64_t)i, t->name, t->group, (int64_t)t->sample,
                     t->verdict, t->time_ms, t->memory_kb,
                     t->message && t->message[0] ? t->message : NULL, t->wall_ms);
    }
    free(output);
    return rc;
}

int queue_finish(struct server *s, const struct job *job, const struct judged_result *res)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_begin(c);
    if (rc)
        goto out;
    /* The guard: this claim (its attempt, no lease) is still the current one. */
    rc = dbc_run(c,
                 "UPDATE submissions SET status = 'done' WHERE seq = ? AND status = 'compiling' "
                 "AND attempts = ? AND lease_id IS NULL",
                 "ii", job->seq, job->attempt);
    if (!rc && dbc_changes(c) != 1)
        rc = -ESTALE; /* put back and claimed again, or recorded: record nothing */
    if (!rc)
        rc = queue_store_result(c, job->seq, res);
    if (!rc)
        rc = dbc_commit(c);
out:
    db_put(s->db, c); /* rolls back what an error left open */
    return rc;
}

int queue_requeue(struct server *s, const struct job *job)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_run(c,
                     "UPDATE submissions SET status = 'queued', started_at = NULL WHERE seq = ? "
                     "AND status = 'compiling' AND attempts = ? AND lease_id IS NULL",
                     "ii", job->seq, job->attempt);
    if (!rc && dbc_changes(c) != 1)
        rc = -ESTALE;
    db_put(s->db, c);
    if (!rc)
        queue_notify(s, QUEUE_WORK);
    return rc;
}

int queue_delete_anonymous(struct server *s, int64_t before_ms, long *count)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    long n = 0;
    /* Done ones only: a queued or running one is still someone's answer to wait for. */
    int rc = dbc_begin(c);
    if (!rc)
        rc = dbc_run(c,
                     "DELETE FROM submission_tests WHERE submission_seq IN (SELECT seq FROM "
                     "submissions WHERE anonymous = 1 AND created_at < ? AND status = 'done')",
                     "i", before_ms);
    if (!rc)
        rc = dbc_run(c,
                     "DELETE FROM submissions WHERE anonymous = 1 AND created_at < ? AND "
                     "status = 'done'",
                     "i", before_ms);
    if (!rc)
        n = (long)dbc_changes(c);
    if (!rc)
        rc = dbc_commit(c);
    db_put(s->db, c);
    if (!rc)
        *count = n;
    return rc;
}
