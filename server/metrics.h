/* metrics: counters of the service, written out in the Prometheus text format. */
#ifndef SERVER_METRICS_H
#define SERVER_METRICS_H

/* Thread-safety: every function may be called from any thread (one mutex inside). */

#include <stdint.h>

#include "strbuf.h"

struct metrics;

struct metrics *metrics_new(void);
void metrics_free(struct metrics *m);

/* One HTTP request answered: its route's name (a fixed string) and status. */
void metrics_http(struct metrics *m, const char *route, unsigned status);
/* One submission judged: its verdict ("AC", ...) and how long judging took. */
void metrics_judgement(struct metrics *m, const char *verdict, double seconds);
void metrics_worker_busy(struct metrics *m, int delta);

struct metrics_gauges {
    long queue_depth;
    long running;
    int workers;
    const char *sandbox_mode;
    long problems;
};
void metrics_render(struct metrics *m, const struct metrics_gauges *g, struct strbuf *out);

#endif
