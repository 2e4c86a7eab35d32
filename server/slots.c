/*
 * slots: the sandbox slots outside the judging workers' own, lent to the Run button and to
 * imports (server.h). Thread-safe: each pool has one mutex and a condition for freed slots.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/*
 * Sandbox slots outside the workers' own: one pool for the Run button, one for imports, so
 * neither can take the other's. A pool is shared fairly: a client has at most `inflight_max`
 * requests running or waiting (more are refused at once), runs at most `running_max` at a time
 * (in the Run pool one slot always stays for someone else), and a freed slot goes to the waiting
 * client that runs the fewest, the longest waiting first.
 */
struct slot_client {
    struct slot_client *next;
    char key[96];
    unsigned running, inflight;
};

struct slot_waiter {
    struct slot_waiter *next;
    struct slot_client *client;
    uint64_t ticket;
};

struct slot_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    int first, n;
    bool busy[64];
    unsigned inflight_max; /* 0: no cap */
    unsigned running_max;
    struct slot_client *clients;
    struct slot_waiter *waiters;
    uint64_t tickets;
};

struct slot_pool *slot_pool_new(int first, int n, unsigned inflight_max, bool reserve)
{
    struct slot_pool *p = calloc(1, sizeof(*p));
    if (!p)
        return NULL;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    p->first = first;
    p->n = n < 64 ? n : 64;
    p->inflight_max = inflight_max;
    p->running_max = reserve && p->n > 1 ? (unsigned)p->n - 1 : (unsigned)p->n;
    return p;
}

void slot_pool_free(struct slot_pool *p)
{
    if (!p)
        return;
    while (p->clients) {
        struct slot_client *c = p->clients;
        p->clients = c->next;
        free(c);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
    free(p);
}

void slot_pool_wake(struct slot_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

/* The client of `key`, made when absent (NULL: out of memory). Under the lock. */
static struct slot_client *pool_client(struct slot_pool *p, const char *key)
{
    for (struct slot_client *c = p->clients; c; c = c->next)
        if (!strcmp(c->key, key))
            return c;
    struct slot_client *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    snprintf(c->key, sizeof(c->key), "%s", key);
    c->next = p->clients;
    p->clients = c;
    return c;
}

/* Drops a client with nothing running or waiting. Under the lock. */
static void pool_client_put(struct slot_pool *p, struct slot_client *c)
{
    if (c->inflight)
        return;
    for (struct slot_client **q = &p->clients; *q; q = &(*q)->next)
        if (*q == c) {
            *q = c->next;
            free(c);
            return;
        }
}

/* Is `w` the waiter the next free slot goes to? Under the lock. */
static bool pool_turn(struct slot_pool *p, const struct slot_waiter *w)
{
    if (w->client->running >= p->running_max)
        return false;
    for (const struct slot_waiter *o = p->waiters; o; o = o->next) {
        if (o == w || o->client->running >= p->running_max)
            continue;
        if (o->client->running < w->client->running ||
            (o->client->running == w->client->running && o->ticket < w->ticket))
            return false;
    }
    return true;
}

static void pool_unwait(struct slot_pool *p, struct slot_waiter *w)
{
    for (struct slot_waiter **q = &p->waiters; *q; q = &(*q)->next)
        if (*q == w) {
            *q = w->next;
            break;
        }
}

static int pool_acquire(struct server *s, struct slot_pool *p, const char *client,
                        unsigned timeout_ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += timeout_ms / 1000;
    ts.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    pthread_mutex_lock(&p->lock);
    int got = -EAGAIN;
    struct slot_client *c = pool_client(p, client ? client : "");
    if (!c) {
        got = -ENOMEM;
        goto out;
    }
    if (p->inflight_max && c->inflight >= p->inflight_max) {
        got = -EDQUOT;
        goto out;
    }
    c->inflight++;
    struct slot_waiter w = {.client = c, .ticket = ++p->tickets};
    struct slot_waiter **tail = &p->waiters;
    while (*tail)
        tail = &(*tail)->next;
    *tail = &w;
    for (;;) {
        if (pool_turn(p, &w))
            for (int i = 0; i < p->n && got < 0; i++)
                if (!p->busy[i]) {
                    p->busy[i] = true;
                    got = p->first + i;
                }
        if (got >= 0 || s->stopping || pthread_cond_timedwait(&p->freed, &p->lock, &ts))
            break;
    }
    pool_unwait(p, &w);
    if (got >= 0)
        c->running++;
    else
        c->inflight--;
    /* The next in line is another waiter now: it looks again (another slot may be free). */
    if (p->waiters)
        pthread_cond_broadcast(&p->freed);
out:
    if (c && got < 0)
        pool_client_put(p, c);
    pthread_mutex_unlock(&p->lock);
    return got;
}

static void pool_release(struct slot_pool *p, int slot, const char *client)
{
    pthread_mutex_lock(&p->lock);
    p->busy[slot - p->first] = false;
    struct slot_client *c = pool_client(p, client ? client : "");
    if (c) {
        if (c->running)
            c->running--;
        if (c->inflight)
            c->inflight--;
        pool_client_put(p, c);
    }
    pthread_cond_broadcast(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

int slot_acquire(struct server *s, const char *client, unsigned timeout_ms)
{
    return pool_acquire(s, s->slots, client, timeout_ms);
}

void slot_release(struct server *s, int slot, const char *client)
{
    pool_release(s->slots, slot, client);
}

int import_slot_acquire(struct server *s, const char *client, unsigned timeout_ms)
{
    return pool_acquire(s, s->import_slots, client, timeout_ms);
}

void import_slot_release(struct server *s, int slot, const char *client)
{
    pool_release(s->import_slots, slot, client);
}
