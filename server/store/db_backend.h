/*
 * db_backend: what db.c asks of an engine. One backend per engine (db_sqlite.c, db_pg.c); db.c
 * keeps the pool, parses the format letters and checks column names, so a backend only talks to
 * its library. Same error rules as db.h: 0 or a negative errno, nothing logged.
 */
#ifndef SERVER_DB_BACKEND_H
#define SERVER_DB_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct db_param {
    char type; /* s i d b n, as in db.h */
    const char *s;
    int64_t i;
    double d;
    const void *b;
    size_t len;
};

struct db_backend {
    enum db_kind kind;
    /* `target` is the path or the libpq URI; *h is the connection. */
    int (*connect)(const char *target, void **h, char *err, size_t errsize);
    void (*disconnect)(void *h);
    /* False once the connection is lost: db_put() closes it instead of pooling it. NULL: always. */
    bool (*healthy)(void *h);
    /* Applies this engine's migrations not applied yet; -EPROTO when the store is newer. */
    int (*migrate)(void *h, char *err, size_t errsize);
    int (*schema_version)(void *h);
    int (*run)(void *h, const char *sql, int n, const struct db_param *p, int64_t *changes);
    int (*query)(void *h, const char *sql, int n, const struct db_param *p, void **rows);
    int (*next)(void *rows);
    int (*column)(void *rows, const char *name); /* its index, or -1 */
    bool (*is_null)(void *rows, int col);
    int64_t (*get_int)(void *rows, int col);
    double (*get_double)(void *rows, int col);
    const char *(*get_text)(void *rows, int col);
    const void *(*get_blob)(void *rows, int col, size_t *len);
    void (*free_rows)(void *rows);
    int (*begin)(void *h);
    int (*commit)(void *h);
    void (*rollback)(void *h); /* a no-op outside a transaction */
    /* Cross-node notifications (db.h, dbc_notify and db_listen); NULL where there is one node. */
    int (*notify)(void *h, const char *channel, const char *payload);
    int (*listen_start)(const char *target, const char *channel,
                        void (*fn)(const char *payload, void *ud), void *ud, void **listener);
    void (*listen_stop)(void *listener);
    /* The raw SQLite handle for the older calls; NULL elsewhere. */
    sqlite3 *(*sqlite_handle)(void *h);
};

extern const struct db_backend db_sqlite_backend;
/* NULL when judged was built without libpq. */
extern const struct db_backend *const db_postgres_backend;

#endif
