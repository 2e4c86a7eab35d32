/*
 * ratelimit: token buckets per key (a client address or a token), in a fixed amount of memory,
 * or, for the nodes of one PostgreSQL store, in the store (domain/rates.h), so that nodes count
 * a client together. Thread-safe.
 */
#ifndef SERVER_RATELIMIT_H
#define SERVER_RATELIMIT_H

/* Thread-safety: ratelimit_take may be called from any thread (one mutex inside). */

#include <stdbool.h>

#include "db.h"

struct ratelimit;

struct ratelimit *ratelimit_new(void);
void ratelimit_free(struct ratelimit *rl);
/*
 * Keeps the buckets in `d` from now on (a store shared by several nodes); a take the store
 * fails falls back to this node's memory, so a store hiccup never refuses a request.
 */
void ratelimit_share(struct ratelimit *rl, db *d);

/*
 * Takes one token from the bucket of `key`, which refills at `per_minute` tokens a minute and
 * holds at most `burst`. False when empty, with *retry_after_s the seconds until the next token.
 * A `per_minute` of 0 means no limit.
 */
bool ratelimit_take(struct ratelimit *rl, const char *key, double per_minute, double burst,
                    unsigned *retry_after_s);

/*
 * Whether the bucket of `key` holds a whole token, without taking it: for limits on failures
 * (failed sign-ins), which are checked before the attempt and taken only when it fails. True
 * when it does; false with *retry_after_s set otherwise.
 */
bool ratelimit_peek(struct ratelimit *rl, const char *key, double per_minute, double burst,
                    unsigned *retry_after_s);

#endif
