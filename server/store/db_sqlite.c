/*
 * db_sqlite: the SQLite engine. Every connection runs in WAL mode (readers never block the writer)
 * with foreign keys on and synchronous=FULL, so a transaction that returned is on disk before the
 * API answers: a submission answered with 202 survives kill -9 and power loss alike. Writers use
 * BEGIN IMMEDIATE so that they queue on the busy timeout instead of failing halfway through a
 * transaction. The schema version is SQLite's user_version.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_backend.h"

extern const char *const db_migrations[];

#define BUSY_TIMEOUT 10000 /* ms a writer waits for another one (JUDGED_BUSY_TIMEOUT_MS) */

static int errno_of(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
        return 0;
    case SQLITE_CONSTRAINT:
        return -EEXIST;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return -EBUSY;
    case SQLITE_NOMEM:
        return -ENOMEM;
    case SQLITE_FULL:
        return -ENOSPC; /* the disk is full: 507, not a plain 500 */
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return -EINVAL;
    default:
        return -EIO;
    }
}

static int lite_connect(const char *path, void **h, char *err, size_t errsize)
{
    sqlite3 *c = NULL;
    int rc = sqlite3_open_v2(
        path, &c, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(c,
                          "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                          "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;",
                          NULL, NULL, NULL);
    const char *bt = getenv("JUDGED_BUSY_TIMEOUT_MS"); /* tests make waits short */
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(c, bt && atoi(bt) > 0 ? atoi(bt) : BUSY_TIMEOUT);
    if (rc != SQLITE_OK) {
        snprintf(err, errsize, "cannot open '%s': %s", path, sqlite3_errstr(rc));
        sqlite3_close(c);
        return errno_of(rc);
    }
    *h = c;
    return 0;
}

static void lite_disconnect(void *h)
{
    sqlite3_close(h);
}

static int lite_schema_version(void *h)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int lite_migrate(void *h, char *err, size_t errsize)
{
    sqlite3 *c = h;
    int have = lite_schema_version(h), total = 0;
    while (db_migrations[total])
        total++;
    if (have > total) {
        snprintf(err, errsize, "the database has schema version %d, newer than this judged (%d)",
                 have, total);
        return -EPROTO;
    }
    for (int v = have; v < total; v++) {
        char *msg = NULL;
        char pragma[64];
        snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d;", v + 1);
        int rc = sqlite3_exec(c, "BEGIN IMMEDIATE", NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(c, db_migrations[v], NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(c, pragma, NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(c, "COMMIT", NULL, NULL, &msg);
        if (rc != SQLITE_OK) {
            snprintf(err, errsize, "migration %d failed: %s", v + 1, msg ? msg : sqlite3_errmsg(c));
            sqlite3_free(msg);
            if (!sqlite3_get_autocommit(c))
                sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
            return -EIO;
        }
    }
    return 0;
}

static int prepare(sqlite3 *c, const char *sql, int n, const struct db_param *p, sqlite3_stmt **out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c, sql, -1, &st, NULL);
    for (int i = 0; i < n && rc == SQLITE_OK; i++) {
        switch (p[i].type) {
        case 's':
            rc = p[i].s ? sqlite3_bind_text(st, i + 1, p[i].s, -1, SQLITE_TRANSIENT)
                        : sqlite3_bind_null(st, i + 1);
            break;
        case 'i':
            rc = sqlite3_bind_int64(st, i + 1, p[i].i);
            break;
        case 'd':
            rc = sqlite3_bind_double(st, i + 1, p[i].d);
            break;
        case 'b':
            rc = sqlite3_bind_blob64(st, i + 1, p[i].b, p[i].len, SQLITE_TRANSIENT);
            break;
        case 'n':
            rc = sqlite3_bind_null(st, i + 1);
            break;
        default:
            rc = SQLITE_MISUSE;
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return errno_of(rc);
    }
    *out = st;
    return 0;
}

static int lite_run(void *h, const char *sql, int n, const struct db_param *p, int64_t *changes)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(h, sql, n, p, &st);
    if (rc)
        return rc;
    int s;
    while ((s = sqlite3_step(st)) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
    if (s != SQLITE_DONE)
        return errno_of(s);
    *changes = sqlite3_changes64(h);
    return 0;
}

static int lite_query(void *h, const char *sql, int n, const struct db_param *p, void **rows)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(h, sql, n, p, &st);
    if (rc == 0)
        *rows = st;
    return rc;
}

static int lite_next(void *rows)
{
    int s = sqlite3_step(rows);
    return s == SQLITE_ROW ? 1 : errno_of(s);
}

static int lite_column(void *rows, const char *name)
{
    int n = sqlite3_column_count(rows);
    for (int i = 0; i < n; i++)
        if (!strcmp(sqlite3_column_name(rows, i), name))
            return i;
    return -1;
}

static bool lite_is_null(void *rows, int col)
{
    return sqlite3_column_type(rows, col) == SQLITE_NULL;
}

static int64_t lite_get_int(void *rows, int col)
{
    return sqlite3_column_int64(rows, col);
}

static double lite_get_double(void *rows, int col)
{
    return sqlite3_column_double(rows, col);
}

static const char *lite_get_text(void *rows, int col)
{
    return (const char *)sqlite3_column_text(rows, col);
}

static const void *lite_get_blob(void *rows, int col, size_t *len)
{
    const void *b = sqlite3_column_blob(rows, col);
    *len = (size_t)sqlite3_column_bytes(rows, col);
    return b;
}

static void lite_free_rows(void *rows)
{
    sqlite3_finalize(rows);
}

static int lite_begin(void *h)
{
    return errno_of(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL));
}

static int lite_commit(void *h)
{
    int rc = errno_of(sqlite3_exec(h, "COMMIT", NULL, NULL, NULL));
    if (rc && !sqlite3_get_autocommit(h))
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

static void lite_rollback(void *h)
{
    if (h && !sqlite3_get_autocommit(h))
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
}

static sqlite3 *lite_handle(void *h)
{
    return h;
}

const struct db_backend db_sqlite_backend = {
    .kind = DB_SQLITE,
    .connect = lite_connect,
    .disconnect = lite_disconnect,
    .migrate = lite_migrate,
    .schema_version = lite_schema_version,
    .run = lite_run,
    .query = lite_query,
    .next = lite_next,
    .column = lite_column,
    .is_null = lite_is_null,
    .get_int = lite_get_int,
    .get_double = lite_get_double,
    .get_text = lite_get_text,
    .get_blob = lite_get_blob,
    .free_rows = lite_free_rows,
    .begin = lite_begin,
    .commit = lite_commit,
    .rollback = lite_rollback,
    .sqlite_handle = lite_handle,
};
