/*
 * The database. Every connection runs in WAL mode (readers never block the writer) with foreign
 * keys on and synchronous=FULL, so a transaction that returned is on disk before the API answers:
 * a submission answered with 202 survives kill -9 and power loss alike. Writers use BEGIN IMMEDIATE
 * so that they queue on the busy timeout instead of failing halfway through a transaction.
 */
#define _GNU_SOURCE
#include "db.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern const char *const db_migrations[];

#define POOL_MAX     64
#define BUSY_TIMEOUT 10000 /* ms a writer waits for another one (JUDGED_BUSY_TIMEOUT_MS) */

struct db {
    char *path;
    pthread_mutex_t lock;
    sqlite3 *idle[POOL_MAX];
    int nidle;
};

int64_t db_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int connect(const char *path, sqlite3 **out)
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
        sqlite3_close(c);
        return rc;
    }
    *out = c;
    return SQLITE_OK;
}

int db_schema_version(sqlite3 *c)
{
    sqlite3_stmt *st = db_prepare(c, "PRAGMA user_version", "");
    int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

static int migrate(sqlite3 *c, char *err, size_t errsize)
{
    int have = db_schema_version(c);
    int total = 0;
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
        int rc = db_begin(c);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(c, db_migrations[v], NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(c, pragma, NULL, NULL, &msg);
        if (rc == SQLITE_OK)
            rc = db_commit(c);
        if (rc != SQLITE_OK) {
            snprintf(err, errsize, "migration %d failed: %s", v + 1, msg ? msg : sqlite3_errmsg(c));
            sqlite3_free(msg);
            db_rollback(c);
            return -EIO;
        }
    }
    return 0;
}

int db_open(const char *path, db **out, char *err, size_t errsize)
{
    /*
     * SQLite's memory statistics take one global mutex in every allocation: under many threads
     * that lock, not the queries, limited reads (measured in bench/). Must precede any use.
     */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    struct db *d = calloc(1, sizeof(*d));
    if (!d || !(d->path = strdup(path))) {
        free(d);
        snprintf(err, errsize, "out of memory");
        return -ENOMEM;
    }
    pthread_mutex_init(&d->lock, NULL);
    sqlite3 *c = NULL;
    int rc = connect(path, &c);
    if (rc != SQLITE_OK) {
        snprintf(err, errsize, "cannot open '%s': %s", path, sqlite3_errstr(rc));
        db_close(d);
        return -EIO;
    }
    rc = migrate(c, err, errsize);
    if (rc) {
        sqlite3_close(c);
        db_close(d);
        return rc;
    }
    d->idle[d->nidle++] = c;
    *out = d;
    return 0;
}

void db_close(db *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->nidle; i++)
        sqlite3_close(d->idle[i]);
    pthread_mutex_destroy(&d->lock);
    free(d->path);
    free(d);
}

sqlite3 *db_acquire(db *d)
{
    pthread_mutex_lock(&d->lock);
    sqlite3 *c = d->nidle ? d->idle[--d->nidle] : NULL;
    pthread_mutex_unlock(&d->lock);
    if (!c && connect(d->path, &c) != SQLITE_OK)
        return NULL;
    return c;
}

void db_release(db *d, sqlite3 *c)
{
    if (!c)
        return;
    /* A connection goes back clean: no transaction left open by an error path. */
    if (!sqlite3_get_autocommit(c))
        sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
    pthread_mutex_lock(&d->lock);
    if (d->nidle < POOL_MAX) {
        d->idle[d->nidle++] = c;
        c = NULL;
    }
    pthread_mutex_unlock(&d->lock);
    sqlite3_close(c);
}

static sqlite3_stmt *vprepare(sqlite3 *c, const char *sql, const char *fmt, va_list ap)
{
    sqlite3_stmt *st = NULL;
    if (!c || sqlite3_prepare_v2(c, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    int i = 1, rc = SQLITE_OK;
    for (const char *f = fmt; *f && rc == SQLITE_OK; f++, i++) {
        switch (*f) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            rc = s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
            break;
        }
        case 'i':
            rc = sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
            break;
        case 'd':
            rc = sqlite3_bind_double(st, i, va_arg(ap, double));
            break;
        case 'b': {
            const void *p = va_arg(ap, const void *);
            int n = va_arg(ap, int);
            rc = sqlite3_bind_blob(st, i, p, n, SQLITE_TRANSIENT);
            break;
        }
        default:
            rc = SQLITE_MISUSE;
        }
    }
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

sqlite3_stmt *db_prepare(sqlite3 *c, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sqlite3_stmt *st = vprepare(c, sql, fmt, ap);
    va_end(ap);
    return st;
}

int db_exec(sqlite3 *c, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sqlite3_stmt *st = vprepare(c, sql, fmt, ap);
    va_end(ap);
    if (!st)
        return c ? sqlite3_errcode(c) ? sqlite3_errcode(c) : SQLITE_ERROR : SQLITE_ERROR;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int db_begin(sqlite3 *c)
{
    return sqlite3_exec(c, "BEGIN IMMEDIATE", NULL, NULL, NULL);
}

int db_commit(sqlite3 *c)
{
    return sqlite3_exec(c, "COMMIT", NULL, NULL, NULL);
}

void db_rollback(sqlite3 *c)
{
    if (c && !sqlite3_get_autocommit(c))
        sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
}

char *db_column_strdup(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    return strdup(s ? (const char *)s : "");
}

int db_backup(db *d, const char *path, char *err, size_t errsize)
{
    sqlite3 *src = db_acquire(d), *dst = NULL;
    int rc = src ? sqlite3_open(path, &dst) : SQLITE_CANTOPEN;
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
    if (b) {
        /* Steps of 256 pages let writers go on between them; a busy step is retried. */
        do {
            rc = sqlite3_backup_step(b, 256);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(dst);
    }
    if (rc != SQLITE_OK)
        snprintf(err, errsize, "backup to '%s' failed: %s", path,
                 dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
    sqlite3_close(dst);
    db_release(d, src);
    return rc == SQLITE_OK ? 0 : -EIO;
}
