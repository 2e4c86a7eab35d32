/*
 * rates: rate-limit buckets kept in the store, so that the judged nodes of one PostgreSQL store
 * count a client's requests together (a client spread over N nodes by a load balancer gets the
 * rate once, not N times). A token bucket per key: it refills at `per_minute` tokens a minute up
 * to `burst`, and each request takes one; each take is one atomic upsert of its row, so nodes
 * and threads never lose an update. A node on SQLite keeps its buckets in memory instead
 * (http/ratelimit.c). Thread-safe.
 */
#ifndef SERVER_RATES_H
#define SERVER_RATES_H

#include "db.h"

/*
 * Takes a token from the bucket of `key` (a new bucket starts full). 1 taken, 0 refused with
 * *retry_after_s the seconds until the next token, or a negative errno from the store.
 * `per_minute` > 0, `burst` >= 1.
 */
int rates_take(db *d, const char *key, double per_minute, double burst, unsigned *retry_after_s);

/* Whether the bucket of `key` holds a whole token, taking none: 1 yes, 0 no (with
 * *retry_after_s), or a negative errno from the store. */
int rates_peek(db *d, const char *key, double per_minute, double burst, unsigned *retry_after_s);

#endif
