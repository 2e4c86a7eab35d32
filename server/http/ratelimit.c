/*
 * Buckets live in a fixed table (no allocation per client, so a flood of addresses costs no
 * memory): a key hashes to a set of 8 entries; a new key takes the set's least recently used
 * entry. An evicted bucket was idle longest, and a fresh one starts full, which errs towards
 * letting a client through rather than refusing it.
 */
#define _GNU_SOURCE
#include "ratelimit.h"

#include "rates.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SETS 1024
#define WAYS 8
#define KEY  72

struct bucket {
    char key[KEY];
    double tokens;
    double last; /* seconds, monotonic */
};

struct ratelimit {
    db *shared; /* the store's buckets (rates.h), or NULL: this memory's */
    pthread_mutex_t lock;
    struct bucket b[SETS][WAYS];
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

struct ratelimit *ratelimit_new(void)
{
    struct ratelimit *rl = calloc(1, sizeof(*rl));
    if (rl)
        pthread_mutex_init(&rl->lock, NULL);
    return rl;
}

void ratelimit_free(struct ratelimit *rl)
{
    if (!rl)
        return;
    pthread_mutex_destroy(&rl->lock);
    free(rl);
}

void ratelimit_share(struct ratelimit *rl, db *d)
{
    rl->shared = d;
}

bool ratelimit_take(struct ratelimit *rl, const char *key, double per_minute, double burst,
                    unsigned *retry_after_s)
{
    if (per_minute <= 0)
        return true;
    if (burst < 1)
        burst = 1;
    if (rl->shared) {
        int rc = rates_take(rl->shared, key, per_minute, burst, retry_after_s);
        if (rc >= 0)
            return rc == 1;
    }
    double rate = per_minute / 60.0, t = now_s();
    struct bucket *set = rl->b[fnv1a(key) % SETS], *b = NULL;
    pthread_mutex_lock(&rl->lock);
    for (int i = 0; i < WAYS && !b; i++)
        if (!strncmp(set[i].key, key, KEY - 1) && set[i].key[0])
            b = &set[i];
    if (!b) {
        b = &set[0];
        for (int i = 1; i < WAYS; i++)
            if (set[i].last < b->last)
                b = &set[i];
        snprintf(b->key, KEY, "%s", key);
        b->tokens = burst;
        b->last = t;
    }
    b->tokens = fmin(burst, b->tokens + (t - b->last) * rate);
    b->last = t;
    bool ok = b->tokens >= 1;
    if (ok)
        b->tokens -= 1;
    else if (retry_after_s)
        *retry_after_s = (unsigned)ceil((1 - b->tokens) / rate);
    pthread_mutex_unlock(&rl->lock);
    return ok;
}

bool ratelimit_peek(struct ratelimit *rl, const char *key, double per_minute, double burst,
                    unsigned *retry_after_s)
{
    if (per_minute <= 0)
        return true;
    if (burst < 1)
        burst = 1;
    if (rl->shared) {
        int rc = rates_peek(rl->shared, key, per_minute, burst, retry_after_s);
        if (rc >= 0)
            return rc == 1;
    }
    double rate = per_minute / 60.0, t = now_s(), tokens = burst;
    struct bucket *set = rl->b[fnv1a(key) % SETS];
    pthread_mutex_lock(&rl->lock);
    for (int i = 0; i < WAYS; i++)
        if (set[i].key[0] && !strncmp(set[i].key, key, KEY - 1))
            tokens = fmin(burst, set[i].tokens + (t - set[i].last) * rate);
    pthread_mutex_unlock(&rl->lock);
    if (tokens >= 1)
        return true;
    if (retry_after_s)
        *retry_after_s = (unsigned)ceil((1 - tokens) / rate);
    return false;
}
