/*
 * Metrics are kept in small fixed tables under one mutex: the routes and statuses that exist are
 * few and known, so a request never allocates to count itself.
 */
#define _GNU_SOURCE
#include "metrics.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "verdict.h"

#define MAX_SERIES 256
static const double buckets[] = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
#define NBUCKETS (sizeof(buckets) / sizeof(buckets[0]))

struct http_series {
    const char *route;
    unsigned status;
    uint64_t count;
};

struct metrics {
    pthread_mutex_t lock;
    struct http_series http[MAX_SERIES];
    int nhttp;
    uint64_t by_verdict[VERDICT_COUNT];
    uint64_t hist[NBUCKETS];
    uint64_t hist_count;
    double hist_sum;
    long busy;
};

struct metrics *metrics_new(void)
{
    struct metrics *m = calloc(1, sizeof(*m));
    if (m)
        pthread_mutex_init(&m->lock, NULL);
    return m;
}

void metrics_free(struct metrics *m)
{
    if (!m)
        return;
    pthread_mutex_destroy(&m->lock);
    free(m);
}

void metrics_http(struct metrics *m, const char *route, unsigned status)
{
    pthread_mutex_lock(&m->lock);
    int i = 0;
    while (i < m->nhttp && !(m->http[i].route == route && m->http[i].status == status))
        i++;
    if (i == m->nhttp && m->nhttp < MAX_SERIES)
        m->http[m->nhttp++] = (struct http_series){route, status, 0};
    if (i < m->nhttp)
        m->http[i].count++;
    pthread_mutex_unlock(&m->lock);
}

void metrics_judgement(struct metrics *m, const char *verdict, double seconds)
{
    pthread_mutex_lock(&m->lock);
    enum verdict v;
    if (!verdict_parse(verdict, &v))
        m->by_verdict[v]++;
    for (size_t b = 0; b < NBUCKETS; b++)
        if (seconds <= buckets[b])
            m->hist[b]++;
    m->hist_count++;
    m->hist_sum += seconds;
    pthread_mutex_unlock(&m->lock);
}

void metrics_worker_busy(struct metrics *m, int delta)
{
    pthread_mutex_lock(&m->lock);
    m->busy += delta;
    pthread_mutex_unlock(&m->lock);
}

void metrics_render(struct metrics *m, const struct metrics_gauges *g, struct strbuf *out)
{
    pthread_mutex_lock(&m->lock);
    strbuf_addf(out,
                "# HELP judged_queue_depth Submissions waiting to be judged.\n"
                "# TYPE judged_queue_depth gauge\njudged_queue_depth %ld\n"
                "# HELP judged_judging Submissions being judged now.\n"
                "# TYPE judged_judging gauge\njudged_judging %ld\n"
                "# HELP judged_workers Judging workers of this process.\n"
                "# TYPE judged_workers gauge\njudged_workers %d\n"
                "# HELP judged_workers_busy Workers judging now.\n"
                "# TYPE judged_workers_busy gauge\njudged_workers_busy %ld\n"
                "# HELP judged_problems Problems stored.\n"
                "# TYPE judged_problems gauge\njudged_problems %ld\n"
                "# HELP judged_sandbox_mode How the sandbox limits memory (1 for the mode used).\n"
                "# TYPE judged_sandbox_mode gauge\njudged_sandbox_mode{mode=\"%s\"} 1\n",
                g->queue_depth, g->running, g->workers, m->busy, g->problems, g->sandbox_mode);
    strbuf_addstr(out, "# HELP judged_judgements_total Submissions judged, by verdict.\n"
                       "# TYPE judged_judgements_total counter\n");
    for (size_t v = 0; v < VERDICT_COUNT; v++)
        strbuf_addf(out, "judged_judgements_total{verdict=\"%s\"} %llu\n", verdict_table()[v].code,
                    (unsigned long long)m->by_verdict[v]);
    strbuf_addstr(out, "# HELP judged_judging_seconds Time from claiming to the verdict.\n"
                       "# TYPE judged_judging_seconds histogram\n");
    for (size_t b = 0; b < NBUCKETS; b++)
        strbuf_addf(out, "judged_judging_seconds_bucket{le=\"%g\"} %llu\n", buckets[b],
                    (unsigned long long)m->hist[b]);
    strbuf_addf(out,
                "judged_judging_seconds_bucket{le=\"+Inf\"} %llu\n"
                "judged_judging_seconds_sum %.6f\njudged_judging_seconds_count %llu\n",
                (unsigned long long)m->hist_count, m->hist_sum, (unsigned long long)m->hist_count);
    strbuf_addstr(out, "# HELP judged_http_requests_total HTTP requests answered.\n"
                       "# TYPE judged_http_requests_total counter\n");
    for (int i = 0; i < m->nhttp; i++)
        strbuf_addf(out, "judged_http_requests_total{route=\"%s\",status=\"%u\"} %llu\n",
                    m->http[i].route, m->http[i].status, (unsigned long long)m->http[i].count);
    pthread_mutex_unlock(&m->lock);
}
