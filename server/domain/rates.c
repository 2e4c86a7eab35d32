/* rates: rate-limit buckets in the store, shared by every node (rates.h). */
#define _GNU_SOURCE
#include "rates.h"

#include <errno.h>
#include <math.h>
#include <stdatomic.h>

#define IDLE_MS  (3600 * 1000) /* a bucket idle this long is full again: its row can go */
#define GC_EVERY 1024          /* takes between two sweeps of idle rows */

int rates_take(db *d, const char *key, double per_minute, double burst, unsigned *retry_after_s)
{
    static atomic_uint takes;
    double rate_ms = per_minute / 60000.0;
    int64_t now = db_now_ms();
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc = c ? 0 : -EIO;
    if (rc)
        goto out;
        /*
         * ?1 key, ?2 burst, ?3 now, ?4 tokens a millisecond. The bucket refills by the time since
         * at_ms, capped at the burst; it takes a token when a whole one is there. SET sees the row
         * as it was, so took and tokens are decided on the same refill.
         */
#define REFILL                                                                                     \
    "(CASE WHEN rate_buckets.tokens + (?3 - rate_buckets.at_ms) * ?4 > ?2 THEN ?2 "                \
    "ELSE rate_buckets.tokens + (?3 - rate_buckets.at_ms) * ?4 END)"
    rc = dbc_query(c, &r,
                   "INSERT INTO rate_buckets (key, tokens, at_ms, took) VALUES (?1, ?2 - 1, ?3, 1) "
                   "ON CONFLICT (key) DO UPDATE SET "
                   "took = CASE WHEN " REFILL " >= 1 THEN 1 ELSE 0 END, "
                   "tokens = CASE WHEN " REFILL " >= 1 THEN " REFILL " - 1 ELSE " REFILL " END, "
                   "at_ms = ?3 RETURNING took, tokens",
                   "sdid", key, burst, now, rate_ms);
#undef REFILL
    if (rc)
        goto out;
    rc = dbrows_next(r);
    if (rc == 0)
        rc = -EIO; /* an upsert with RETURNING always has its row */
    if (rc < 0)
        goto out;
    rc = dbrows_int(r, "took") ? 1 : 0;
    if (!rc && retry_after_s)
        *retry_after_s = (unsigned)ceil((1 - dbrows_double(r, "tokens")) / (rate_ms * 1000));
    if (atomic_fetch_add(&takes, 1) % GC_EVERY == GC_EVERY - 1)
        dbc_run(c, "DELETE FROM rate_buckets WHERE at_ms < ?", "i", now - IDLE_MS);
out:
    dbrows_free(r);
    db_put(d, c);
    return rc;
}

int rates_peek(db *d, const char *key, double per_minute, double burst, unsigned *retry_after_s)
{
    double rate_ms = per_minute / 60000.0, tokens = burst;
    int64_t now = db_now_ms();
    dbrows *r = NULL;
    dbc *c = db_get(d);
    int rc = c ? dbc_query(c, &r, "SELECT tokens, at_ms FROM rate_buckets WHERE key = ?", "s", key)
               : -EIO;
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1)
        tokens = fmin(burst, dbrows_double(r, "tokens") +
                                 (double)(now - dbrows_int(r, "at_ms")) * rate_ms);
    if (rc >= 0)
        rc = tokens >= 1 ? 1 : 0;
    if (rc == 0 && retry_after_s)
        *retry_after_s = (unsigned)ceil((1 - tokens) / (rate_ms * 1000));
    dbrows_free(r);
    db_put(d, c);
    return rc;
}
