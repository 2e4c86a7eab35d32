/*
 * The queue's memory of this process: the live progress of the submissions judged here (their
 * status, compiler output and tests so far, shown by GET and the event stream before the result
 * is stored), the waits of workers and of watchers, and queue_notify, the one place they are
 * woken. Everything here is under q->lock.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "queue.h"
#include "nodes.h"
#include "queue_int.h"

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

/*** Waking ***/

/*
 * Wakes the waiters `what` names; the caller holds q->lock. QUEUE_CHANGED without a live entry
 * that moved (a submission stored, requeued, rejudged) bumps the lifecycle, so that every watcher
 * reads the store again.
 */
static void notify_locked(struct queue *q, unsigned what, bool bump)
{
    if (what & QUEUE_WORK) {
        q->pending++;
        pthread_cond_signal(&q->work);
    }
    if (what & QUEUE_CHANGED) {
        if (bump)
            q->lifecycle++;
        pthread_cond_broadcast(&q->changed);
    }
}

void queue_notify_local(struct server *s, unsigned what)
{
    if (!s->queue)
        return;
    pthread_mutex_lock(&s->queue->lock);
    notify_locked(s->queue, what, true);
    pthread_mutex_unlock(&s->queue->lock);
}

void queue_notify(struct server *s, unsigned what)
{
    queue_notify_local(s, what);
    nodes_tell(s, what); /* the other nodes of a shared store (nodes.h) */
}

void queue_wake_all(struct server *s)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    notify_locked(q, QUEUE_CHANGED, true);
    /* Every worker, not one: shutting down, or several submissions came back at once. */
    pthread_cond_broadcast(&q->work);
    pthread_mutex_unlock(&q->lock);
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

/*** Live progress ***/

static struct live *live_find(struct queue *q, const char *id)
{
    for (struct live *l = q->live; l; l = l->next)
        if (!strcmp(l->id, id))
            return l;
    return NULL;
}

static void live_free(struct live *l)
{
    for (size_t i = 0; i < l->ntests; i++)
        test_row_release(&l->tests[i]);
    free(l->tests);
    free(l->compile_output);
    free(l);
}

void queue_live_free_all(struct queue *q)
{
    while (q->live) {
        struct live *l = q->live;
        q->live = l->next;
        live_free(l);
    }
}

/* A mirrored entry whose end never came (a node died, a message was lost) is dropped after this. */
#define MIRROR_MAX_AGE_MS (60LL * 60 * 1000)

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Removes `id`'s entry, or only a mirrored one; the caller holds q->lock. */
static void live_remove_locked(struct queue *q, const char *id, bool mirrored_only)
{
    for (struct live **p = &q->live; *p; p = &(*p)->next) {
        if (!strcmp((*p)->id, id)) {
            struct live *l = *p;
            if (mirrored_only && !l->mirrored)
                return;
            *p = l->next;
            live_free(l);
            return;
        }
    }
}

/* Drops the mirrored entries older than `before` (all, with INT64_MAX); holds q->lock. */
static void live_drop_mirrored_locked(struct queue *q, int64_t before)
{
    for (struct live **p = &q->live; *p;) {
        struct live *l = *p;
        if (l->mirrored && l->since_ms < before) {
            *p = l->next;
            live_free(l);
        } else {
            p = &l->next;
        }
    }
}

static void live_begin(struct server *s, const char *id, bool mirrored)
{
    struct queue *q = s->queue;
    struct live *l = calloc(1, sizeof(*l));
    if (!l)
        return; /* the judgement goes on; GET shows it as queued until the result */
    snprintf(l->id, sizeof(l->id), "%s", id);
    snprintf(l->status, sizeof(l->status), "compiling");
    l->mirrored = mirrored;
    l->since_ms = now_ms();
    pthread_mutex_lock(&q->lock);
    struct live *old = live_find(q, id);
    if (mirrored && old && !old->mirrored) {
        free(l); /* judged here: this node's own progress wins */
    } else {
        /* A judgement begun again (a requeue, a lease taken over) starts from nothing. */
        live_remove_locked(q, id, false);
        if (mirrored)
            live_drop_mirrored_locked(q, l->since_ms - MIRROR_MAX_AGE_MS);
        l->next = q->live;
        q->live = l;
    }
    notify_locked(q, QUEUE_CHANGED, true);
    pthread_mutex_unlock(&q->lock);
}

static void live_status(struct server *s, const char *id, const char *status,
                        const char *compile_output, bool mirrored)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    struct live *l = live_find(q, id);
    if (l && l->mirrored == mirrored) {
        snprintf(l->status, sizeof(l->status), "%s", status);
        if (compile_output && !l->compile_output)
            l->compile_output = queue_compile_output_stored(compile_output);
        l->version++;
        notify_locked(q, QUEUE_CHANGED, false);
    }
    pthread_mutex_unlock(&q->lock);
}

/* A copy of `t` with strings of its own. 0 or -ENOMEM (nothing to free then). */
static int test_row_copy(const struct test_row *t, struct test_row *out)
{
    *out = *t;
    out->name = strdup(t->name ? t->name : "");
    out->group = strdup(t->group ? t->group : "");
    out->verdict = strdup(t->verdict ? t->verdict : "");
    out->message = strdup(t->message ? t->message : "");
    if (out->name && out->group && out->verdict && out->message)
        return 0;
    test_row_release(out);
    return -ENOMEM;
}

static void live_test(struct server *s, const char *id, const struct test_row *t, bool mirrored)
{
    struct test_row copy;
    if (test_row_copy(t, &copy))
        return; /* progress is best effort: the stored result has every test */
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    struct live *l = live_find(q, id);
    if (l && l->mirrored != mirrored)
        l = NULL;
    if (l && l->ntests == l->cap) {
        size_t ncap = l->cap ? 2 * l->cap : 16;
        struct test_row *grown = realloc(l->tests, ncap * sizeof(*grown));
        if (grown) {
            l->tests = grown;
            l->cap = ncap;
        }
    }
    if (l && l->ntests < l->cap) {
        l->tests[l->ntests++] = copy;
        copy.name = NULL; /* moved */
        l->version++;
        notify_locked(q, QUEUE_CHANGED, false);
    }
    pthread_mutex_unlock(&q->lock);
    if (copy.name)
        test_row_release(&copy);
}

static void live_end(struct server *s, const char *id, bool mirrored)
{
    struct queue *q = s->queue;
    pthread_mutex_lock(&q->lock);
    live_remove_locked(q, id, mirrored);
    notify_locked(q, QUEUE_CHANGED, true);
    pthread_mutex_unlock(&q->lock);
}

/* Each change of a judgement here is told to the other nodes (nodes.h), which mirror it. */
void queue_live_begin(struct server *s, const char *id)
{
    live_begin(s, id, false);
    nodes_tell_live(s, LIVE_BEGIN, id, NULL, NULL, NULL);
}

void queue_live_status(struct server *s, const char *id, const char *status,
                       const char *compile_output)
{
    live_status(s, id, status, compile_output, false);
    nodes_tell_live(s, LIVE_STATUS, id, status, compile_output, NULL);
}

void queue_live_test(struct server *s, const char *id, const struct test_row *t)
{
    live_test(s, id, t, false);
    nodes_tell_live(s, LIVE_TEST, id, NULL, NULL, t);
}

void queue_live_end(struct server *s, const char *id)
{
    live_end(s, id, false);
    nodes_tell_live(s, LIVE_END, id, NULL, NULL, NULL);
}

void queue_live_mirror(struct server *s, enum live_event ev, const char *id, const char *status,
                       const char *compile_output, const struct test_row *t)
{
    if (!s->queue || !id)
        return;
    switch (ev) {
    case LIVE_BEGIN:
        live_begin(s, id, true);
        break;
    case LIVE_STATUS:
        if (status)
            live_status(s, id, status, compile_output, true);
        break;
    case LIVE_TEST:
        if (t)
            live_test(s, id, t, true);
        break;
    case LIVE_END:
        live_end(s, id, true);
        break;
    }
}

void queue_live_mirror_reset(struct server *s)
{
    if (!s->queue)
        return;
    pthread_mutex_lock(&s->queue->lock);
    live_drop_mirrored_locked(s->queue, INT64_MAX);
    notify_locked(s->queue, QUEUE_CHANGED, true);
    pthread_mutex_unlock(&s->queue->lock);
}

int queue_live_get(struct server *s, const char *id, char status[16], char **compile_output,
                   struct test_row **tests, size_t *ntests)
{
    struct queue *q = s->queue;
    char *out = NULL;
    struct test_row *copy = NULL;
    size_t n = 0;
    int rc = 0;
    pthread_mutex_lock(&q->lock);
    struct live *l = live_find(q, id);
    if (!l) {
        rc = -ENOENT;
        goto out;
    }
    if (compile_output && l->compile_output && !(out = strdup(l->compile_output))) {
        rc = -ENOMEM;
        goto out;
    }
    if (tests && l->ntests && !(copy = calloc(l->ntests, sizeof(*copy)))) {
        rc = -ENOMEM;
        goto out;
    }
    for (; tests && n < l->ntests; n++)
        if ((rc = test_row_copy(&l->tests[n], &copy[n])))
            goto out;
    if (status)
        snprintf(status, 16, "%s", l->status);
out:
    pthread_mutex_unlock(&q->lock);
    if (rc) {
        free(out);
        for (size_t i = 0; i < n; i++)
            test_row_release(&copy[i]);
        free(copy);
        return rc;
    }
    if (compile_output)
        *compile_output = out;
    if (tests) {
        *tests = copy;
        *ntests = n;
    }
    return 0;
}

/*** Watching ***/

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
