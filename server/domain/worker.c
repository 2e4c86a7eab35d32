/*
 * Workers. Each loops: claim the next queued submission (round robin across clients, see
 * queue.c), judge it in its own sandbox slot with progress published live, and record the result
 * once. On shutdown the judgement in hand is cancelled between tests and the submission goes back
 * to the queue, so a restart judges it from the start: nothing accepted is lost and nothing is
 * recorded twice.
 */
#define _GNU_SOURCE
#include "worker.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "lang.h"
#include "metrics.h"
#include "pcache.h"
#include "queue.h"

struct worker {
    struct server *s;
    int slot;
    pthread_t thread;
    bool started;
};

static struct worker *workers;

struct progress {
    struct server *s;
    const char *id;
    const struct problem *pr;
};

static void on_progress(void *ud, const struct judge_result *partial, size_t index)
{
    struct progress *p = ud;
    if (index == SIZE_MAX) {
        queue_live_status(p->s, p->id, partial->verdict == V_CE ? "compiling" : "running",
                          partial->compile_output ? partial->compile_output : "");
        return;
    }
    const struct test_result *t = &partial->tests[partial->ntests - 1];
    struct test_row row = queue_test_row(p->pr, t, partial->ntests - 1);
    queue_live_test(p->s, p->id, &row);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Records `res` of `job` (judged against `pr`, NULL when the problem could not be read), exactly
 * once. A full disk or a busy database passes: the result is kept and tried again for a while.
 * -ESTALE: the claim is no longer current and another judgement records the submission.
 */
static int record(struct server *s, const struct job *job, const struct problem *pr,
                  const struct judge_result *res)
{
    struct test_row *tests = calloc(res->ntests ? res->ntests : 1, sizeof(*tests));
    if (!tests)
        return -ENOMEM;
    /* Without a problem, no test ran: the bare verdict is recorded. */
    for (size_t i = 0; pr && i < res->ntests; i++)
        tests[i] = queue_test_row(pr, &res->tests[i], i);
    struct judged_result jr = {.verdict = res->verdict,
                               .score = res->score,
                               .max_score = res->max_score,
                               .time_ms = res->time_ms,
                               .memory_kb = (int64_t)res->memory_kb,
                               .compile_output = res->compile_output,
                               .error = res->error,
                               .tests = tests,
                               .ntests = pr ? res->ntests : 0};
    int rc = queue_finish(s, job, &jr);
    for (int tries = 0; rc && rc != -ESTALE && tries < 60 && !s->stopping; tries++) {
        sleep(1);
        rc = queue_finish(s, job, &jr);
    }
    free(tests);
    return rc;
}

static void judge_one(struct worker *w, struct job *job)
{
    struct server *s = w->s;
    double start = now_s();
    const struct problem *pr = NULL;
    char err[512] = "", path[4096], dir[4096];
    struct judge_result res;
    memset(&res, 0, sizeof(res));
    queue_live_begin(s, job->id);
    int rc = pcache_get(s, w->slot, job->version_id, &pr, err, sizeof(err));
    snprintf(dir, sizeof(dir), "%s/worker%d", s->tmp_dir, w->slot);
    if (!rc)
        rc = lang_write_source(dir, job->language, job->source, path, sizeof(path));
    if (rc == -ENOSPC) {
        /* The data folder is full: not the submission's fault; it waits in the queue. */
        fprintf(stderr, "judged: submission %s: the data folder is full; back to the queue\n",
                job->id);
        queue_requeue(s, job);
        queue_live_end(s, job->id);
        sleep(2);
        return;
    }
    const struct lang *lang = lang_by_id(job->language);
    if (!rc) {
        const char *sources[] = {path};
        struct progress prog = {s, job->id, pr};
        struct judge_opts opts = {.progress = on_progress, .ud = &prog, .cancel = &s->stopping};
        rc = judge_submission(&(struct judge_env){s->sb, w->slot}, pr, lang, sources, 1, &opts,
                              &res);
    }
    if (rc == -ECANCELED) {
        judge_result_release(&res);
        queue_requeue(s, job);
        queue_live_end(s, job->id);
        return;
    }
    if (rc) {
        /* The judge could not run at all: that is an IE, recorded like any verdict. */
        judge_result_release(&res);
        res.verdict = V_IE;
        if (asprintf(&res.error, "%s", err[0] ? err : strerror(-rc)) < 0)
            res.error = NULL;
        fprintf(stderr, "judged: submission %s: internal error: %s\n", job->id,
                res.error ? res.error : "");
    } else if (res.verdict == V_IE) {
        fprintf(stderr, "judged: submission %s: internal error: %s\n", job->id,
                res.error ? res.error : "");
    }
    rc = record(s, job, pr, &res);
    if (rc)
        fprintf(stderr, "judged: submission %s: cannot record the result: %s\n", job->id,
                strerror(-rc));
    else
        metrics_judgement(s->metrics, verdict_code(res.verdict), now_s() - start);
    judge_result_release(&res);
    queue_live_end(s, job->id);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct server *s = w->s;
    while (!s->stopping) {
        struct job job;
        int rc = queue_claim(s, &job);
        if (rc == -ENOENT || rc) {
            if (rc && rc != -ENOENT)
                fprintf(stderr, "judged: worker %d: cannot read the queue\n", w->slot);
            queue_wait_work(s, 1000);
            continue;
        }
        metrics_worker_busy(s->metrics, 1);
        judge_one(w, &job);
        metrics_worker_busy(s->metrics, -1);
        job_release(&job);
    }
    return NULL;
}

int workers_start(struct server *s)
{
    int n = s->cfg.workers;
    workers = calloc(n ? (size_t)n : 1, sizeof(*workers));
    if (!workers)
        return -ENOMEM;
    for (int i = 0; i < n; i++) {
        workers[i] = (struct worker){.s = s, .slot = i};
        int rc = pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]);
        if (rc)
            return -rc;
        workers[i].started = true;
    }
    return 0;
}

void workers_join(struct server *s)
{
    if (!workers)
        return;
    queue_wake_all(s);
    for (int i = 0; i < s->cfg.workers; i++)
        if (workers[i].started)
            pthread_join(workers[i].thread, NULL);
    free(workers);
    workers = NULL;
}
