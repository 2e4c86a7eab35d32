/*
 * db_ops: what one statement costs on each store, through judged's own database API (db.h), on
 * one thread: a read by key (the shape of GET /submissions/{id}), an insert in autocommit, and a
 * write transaction of an insert and an update (the shape of a submission or a result). Prints
 * microseconds per operation, the median of 5 rounds.
 *
 *   build/bench/db_ops STORE_URL [N]      (sqlite:/tmp/x.db, or postgresql://...; N = 2000)
 *
 * It makes and drops a table of its own, bench_ops; the store's schema is migrated as judged does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "db.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int reads(dbc *c, int n, int64_t first, int64_t rows)
{
    for (int i = 0; i < n; i++) {
        dbrows *r = NULL;
        int rc = dbc_query(c, &r, "SELECT id, name, n FROM bench_ops WHERE id = ?", "i",
                           first + i % rows);
        if (rc == 0 && dbrows_next(r) != 1)
            rc = -1;
        dbrows_free(r);
        if (rc)
            return rc;
    }
    return 0;
}

static int inserts(dbc *c, int n)
{
    for (int i = 0; i < n; i++) {
        int rc = dbc_run(c, "INSERT INTO bench_ops (name, n) VALUES (?, ?)", "si", "x", (int64_t)i);
        if (rc)
            return rc;
    }
    return 0;
}

static int transactions(dbc *c, int n)
{
    for (int i = 0; i < n; i++) {
        int64_t id = 0;
        int rc = dbc_begin(c);
        if (!rc)
            rc = dbc_scalar(c, &id, "INSERT INTO bench_ops (name, n) VALUES (?, ?) RETURNING id",
                            "si", "t", (int64_t)i);
        if (!rc)
            rc = dbc_run(c, "UPDATE bench_ops SET n = n + 1 WHERE id = ?", "i", id);
        if (!rc)
            rc = dbc_commit(c);
        if (rc) {
            dbc_rollback(c);
            return rc;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: db_ops STORE_URL [N]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 2000;
    char err[512];
    db *d = NULL;
    if (db_open_url(argv[1], &d, err, sizeof(err))) {
        fprintf(stderr, "db_ops: %s\n", err);
        return 1;
    }
    dbc *c = db_get(d);
    int rc = c ? 0 : -1;
    if (!rc)
        rc = dbc_run(c, "DROP TABLE IF EXISTS bench_ops", "");
    if (!rc)
        rc = dbc_run(
            c,
            DB_SQL(c, "CREATE TABLE bench_ops (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)",
                   "CREATE TABLE bench_ops (id BIGSERIAL PRIMARY KEY, name TEXT, n BIGINT)"),
            "");
    if (!rc)
        rc = inserts(c, 1000);
    int64_t first = 0;
    if (!rc)
        rc = dbc_scalar(c, &first, "SELECT min(id) AS m FROM bench_ops", "");
    const char *names[] = {"read by key", "insert (autocommit)", "transaction (insert + update)"};
    for (int op = 0; op < 3 && !rc; op++) {
        double us[5];
        for (int round = 0; round < 5 && !rc; round++) {
            double t0 = now_us();
            rc = op == 0   ? reads(c, n, first, 1000)
                 : op == 1 ? inserts(c, n)
                           : transactions(c, n / 4);
            us[round] = (now_us() - t0) / (op == 2 ? n / 4 : n);
        }
        qsort(us, 5, sizeof(us[0]), cmp);
        if (!rc)
            printf("%s %s: %.1f us per operation (median of 5 rounds of %d)\n",
                   db_kind_of(d) == DB_POSTGRES ? "postgresql" : "sqlite", names[op], us[2],
                   op == 2 ? n / 4 : n);
    }
    if (c)
        dbc_run(c, "DROP TABLE IF EXISTS bench_ops", "");
    db_put(d, c);
    db_close(d);
    if (rc)
        fprintf(stderr, "db_ops: failed: %d\n", rc);
    return rc ? 1 : 0;
}
