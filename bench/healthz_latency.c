/*
 * Latency of GET /healthz as a health checker sees it: a new TCP connection per request
 * (connect, request, read the whole answer until the server closes), one request every
 * INTERVAL ms. Each answer's "workers" and "judging" fields tell whether every worker was busy
 * at that moment; the figures are given for all requests and for those alone.
 *
 *   healthz_latency HOST PORT [REQUESTS] [INTERVAL_MS]
 *
 * The last line is machine-readable: RESULT healthz ... (bench/run-all.sh reads it).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantile of sorted v[0..n), by the nearest rank. */
static double rank(const double *v, int n, double q)
{
    int i = (int)(q * n + 0.999999) - 1;
    return n ? v[i < 0 ? 0 : i >= n ? n - 1 : i] : 0;
}

/* One request; its status (0 when it failed) and the answer's workers and judging fields. */
static int probe(const struct sockaddr_in *addr, const char *host, int *workers, int *judging)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    char req[256], buf[8192];
    int len = snprintf(req, sizeof(req),
                       "GET /healthz HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
    if (connect(fd, (const struct sockaddr *)addr, sizeof(*addr)) < 0 ||
        write(fd, req, (size_t)len) != len) {
        close(fd);
        return 0;
    }
    size_t got = 0;
    ssize_t n;
    while (got < sizeof(buf) - 1 && (n = read(fd, buf + got, sizeof(buf) - 1 - got)) > 0)
        got += (size_t)n;
    close(fd);
    buf[got] = '\0';
    int status = 0;
    if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
        return 0;
    const char *w = strstr(buf, "\"workers\":"), *j = strstr(buf, "\"judging\":");
    *workers = w ? atoi(w + 10) : -1;
    *judging = j ? atoi(j + 10) : -1;
    return status;
}

static void report(const char *what, double *v, int n)
{
    if (!n) {
        printf("  %-26s no requests\n", what);
        return;
    }
    qsort(v, (size_t)n, sizeof(*v), cmp_double);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += v[i];
    printf("  %-26s %5d requests: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean "
           "%.2f ms\n",
           what, n, rank(v, n, 0.5), rank(v, n, 0.9), rank(v, n, 0.99), v[n - 1], sum / n);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: healthz_latency HOST PORT [REQUESTS] [INTERVAL_MS]\n");
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]);
    int requests = argc > 3 ? atoi(argv[3]) : 1000;
    double interval = argc > 4 ? atof(argv[4]) : 10;
    if (requests < 1)
        requests = 1;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        fprintf(stderr, "healthz_latency: '%s' is not an IPv4 address\n", host);
        return 2;
    }
    double *all = calloc((size_t)requests, sizeof(*all));
    double *busy = calloc((size_t)requests, sizeof(*busy));
    int nbusy = 0, failed = 0, workers = 0;
    double next = now_ms();
    for (int i = 0; i < requests; i++) {
        double t0 = now_ms();
        int w = -1, j = -1;
        int st = probe(&addr, host, &w, &j);
        double t1 = now_ms();
        all[i] = t1 - t0;
        if (st != 200)
            failed++;
        if (w > 0 && j >= w) {
            busy[nbusy++] = t1 - t0;
            workers = w;
        }
        next += interval;
        double wait = next - now_ms();
        if (wait > 0) {
            struct timespec ts = {(time_t)(wait / 1000),
                                  (long)((wait - (time_t)(wait / 1000) * 1000) * 1e6)};
            nanosleep(&ts, NULL);
        }
    }
    printf("GET /healthz, a new connection each, one every %.0f ms\n", interval);
    report("all", all, requests);
    report("every worker busy", busy, nbusy);
    if (failed)
        printf("  %d requests did not answer 200\n", failed);
    printf("RESULT healthz p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d "
           "busy_requests=%d workers=%d failed=%d busy_p50_ms=%.2f busy_p99_ms=%.2f\n",
           rank(all, requests, 0.5), rank(all, requests, 0.9), rank(all, requests, 0.99),
           all[requests - 1], requests, nbusy, workers, failed, rank(busy, nbusy, 0.5),
           rank(busy, nbusy, 0.99));
    return failed ? 1 : 0;
}
