/*
 * The database, engine-neutral: the pool of connections, the format letters and column names. The
 * engines are db_sqlite.c and db_pg.c (db_backend.h).
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

#include "db_backend.h"

#define POOL_MAX   64 /* idle connections kept; more are opened and closed as needed */
#define PARAMS_MAX 32 /* arguments of one statement */
#define LISTEN_MAX 8  /* db_listen() threads */

struct dbc {
    const struct db_backend *be;
    void *h;
    int64_t changes;
};

struct dbrows {
    const struct db_backend *be;
    void *rows;
};

struct db {
    const struct db_backend *be;
    char *target;   /* the path or the libpq URI */
    char *describe; /* the same without a password */
    pthread_mutex_t lock;
    dbc *idle[POOL_MAX];
    int nidle;
    void *listeners[LISTEN_MAX];
    int nlisteners;
};

int64_t db_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*** Opening ***/

/* "postgresql://user:secret@host/db" -> "postgresql://user@host/db": logs never hold a password. */
static char *without_password(const char *url)
{
    char *out = strdup(url);
    char *scheme = out ? strstr(out, "://") : NULL;
    char *at = scheme ? strchr(scheme + 3, '@') : NULL;
    char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
    if (colon)
        memmove(colon, at, strlen(at) + 1);
    return out;
}

int db_open_url(const char *url, db **out, char *err, size_t errsize)
{
    const struct db_backend *be = &db_sqlite_backend;
    const char *target = url;
    if (!strncmp(url, "sqlite:", 7)) {
        target = url + 7;
    } else if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11)) {
        be = db_postgres_backend;
        if (!be) {
            snprintf(err, errsize, "this judged was built without PostgreSQL (libpq)");
            return -ENOTSUP;
        }
    }
    if (!*target) {
        snprintf(err, errsize, "the store URL '%s' names no database", url);
        return -EINVAL;
    }
    /*
     * SQLite's memory statistics take one global mutex in every allocation: under many threads
     * that lock, not the queries, limited reads (measured in bench/). Must precede any use.
     */
    if (be->kind == DB_SQLITE)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    struct db *d = calloc(1, sizeof(*d));
    if (!d || !(d->target = strdup(target)) || !(d->describe = without_password(url))) {
        if (d)
            free(d->target);
        free(d);
        snprintf(err, errsize, "out of memory");
        return -ENOMEM;
    }
    d->be = be;
    pthread_mutex_init(&d->lock, NULL);
    void *h = NULL;
    int rc = be->connect(target, &h, err, errsize);
    if (rc == 0)
        rc = be->migrate(h, err, errsize);
    if (rc) {
        if (h)
            be->disconnect(h);
        db_close(d);
        return rc;
    }
    dbc *c = calloc(1, sizeof(*c));
    if (!c) {
        be->disconnect(h);
        db_close(d);
        snprintf(err, errsize, "out of memory");
        return -ENOMEM;
    }
    *c = (dbc){.be = be, .h = h};
    d->idle[d->nidle++] = c;
    *out = d;
    return 0;
}

int db_open(const char *path, db **out, char *err, size_t errsize)
{
    char *url = NULL;
    if (asprintf(&url, "sqlite:%s", path) < 0) {
        snprintf(err, errsize, "out of memory");
        return -ENOMEM;
    }
    int rc = db_open_url(url, out, err, errsize);
    free(url);
    return rc;
}

void db_close(db *d)
{
    if (!d)
        return;
    db_listen_stop(d);
    for (int i = 0; i < d->nidle; i++) {
        d->be->disconnect(d->idle[i]->h);
        free(d->idle[i]);
    }
    pthread_mutex_destroy(&d->lock);
    free(d->target);
    free(d->describe);
    free(d);
}

enum db_kind db_kind_of(const db *d)
{
    return d->be->kind;
}

const char *db_describe(const db *d)
{
    return d->describe;
}

/*** The pool ***/

dbc *db_get(db *d)
{
    pthread_mutex_lock(&d->lock);
    dbc *c = d->nidle ? d->idle[--d->nidle] : NULL;
    pthread_mutex_unlock(&d->lock);
    if (c && d->be->healthy && !d->be->healthy(c->h)) {
        d->be->disconnect(c->h);
        free(c);
        c = NULL;
    }
    if (c)
        return c;
    char err[256];
    void *h = NULL;
    if (d->be->connect(d->target, &h, err, sizeof(err)))
        return NULL;
    if (!(c = calloc(1, sizeof(*c)))) {
        d->be->disconnect(h);
        return NULL;
    }
    *c = (dbc){.be = d->be, .h = h};
    return c;
}

void db_put(db *d, dbc *c)
{
    if (!c)
        return;
    /* A connection goes back clean: no transaction left open by an error path. A lost one is
     * closed, so that the next db_get() connects anew. */
    c->be->rollback(c->h);
    bool healthy = !c->be->healthy || c->be->healthy(c->h);
    pthread_mutex_lock(&d->lock);
    if (healthy && d->nidle < POOL_MAX) {
        d->idle[d->nidle++] = c;
        c = NULL;
    }
    pthread_mutex_unlock(&d->lock);
    if (c) {
        c->be->disconnect(c->h);
        free(c);
    }
}

enum db_kind dbc_kind(const dbc *c)
{
    return c->be->kind;
}

/*** Statements ***/

static int params(const char *fmt, va_list ap, struct db_param *p, int *n)
{
    int i = 0;
    for (const char *f = fmt; *f; f++, i++) {
        if (i == PARAMS_MAX)
            return -EINVAL;
        p[i] = (struct db_param){.type = *f};
        switch (*f) {
        case 's':
            p[i].s = va_arg(ap, const char *);
            break;
        case 'i':
            p[i].i = va_arg(ap, int64_t);
            break;
        case 'd':
            p[i].d = va_arg(ap, double);
            break;
        case 'b':
            p[i].b = va_arg(ap, const void *);
            p[i].len = va_arg(ap, size_t);
            break;
        case 'n':
            break;
        default:
            return -EINVAL;
        }
    }
    *n = i;
    return 0;
}

int dbc_run(dbc *c, const char *sql, const char *fmt, ...)
{
    struct db_param p[PARAMS_MAX];
    int n = 0;
    va_list ap;
    va_start(ap, fmt);
    int rc = params(fmt, ap, p, &n);
    va_end(ap);
    if (rc == 0)
        rc = c->be->run(c->h, sql, n, p, &c->changes);
    return rc;
}

int64_t dbc_changes(const dbc *c)
{
    return c->changes;
}

static int vquery(dbc *c, dbrows **out, const char *sql, const char *fmt, va_list ap)
{
    struct db_param p[PARAMS_MAX];
    int n = 0;
    int rc = params(fmt, ap, p, &n);
    dbrows *r = rc ? NULL : calloc(1, sizeof(*r));
    if (!rc && !r)
        rc = -ENOMEM;
    if (!rc)
        rc = c->be->query(c->h, sql, n, p, &r->rows);
    if (rc) {
        free(r);
        return rc;
    }
    r->be = c->be;
    *out = r;
    return 0;
}

int dbc_query(dbc *c, dbrows **out, const char *sql, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vquery(c, out, sql, fmt, ap);
    va_end(ap);
    return rc;
}

int dbc_scalar(dbc *c, int64_t *out, const char *sql, const char *fmt, ...)
{
    dbrows *r = NULL;
    va_list ap;
    va_start(ap, fmt);
    int rc = vquery(c, &r, sql, fmt, ap);
    va_end(ap);
    if (rc == 0)
        rc = dbrows_next(r);
    if (rc == 1) {
        *out = r->be->get_int(r->rows, 0);
        rc = 0;
    } else if (rc == 0) {
        rc = -ENOENT;
    }
    dbrows_free(r);
    return rc;
}

int dbc_begin(dbc *c)
{
    return c->be->begin(c->h);
}

int dbc_commit(dbc *c)
{
    return c->be->commit(c->h);
}

void dbc_rollback(dbc *c)
{
    if (c)
        c->be->rollback(c->h);
}

int dbc_notify(dbc *c, const char *channel, const char *payload)
{
    return c->be->notify ? c->be->notify(c->h, channel, payload) : 0;
}

int db_listen(db *d, const char *channel, db_listen_fn fn, void *ud)
{
    if (!d->be->listen_start)
        return -ENOTSUP;
    pthread_mutex_lock(&d->lock);
    int rc = d->nlisteners == LISTEN_MAX ? -ENOSPC : 0;
    void *l = NULL;
    if (rc == 0)
        rc = d->be->listen_start(d->target, channel, fn, ud, &l);
    if (rc == 0)
        d->listeners[d->nlisteners++] = l;
    pthread_mutex_unlock(&d->lock);
    return rc;
}

void db_listen_stop(db *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&d->lock);
    int n = d->nlisteners;
    d->nlisteners = 0;
    pthread_mutex_unlock(&d->lock);
    for (int i = 0; i < n; i++)
        d->be->listen_stop(d->listeners[i]);
}

int dbc_schema_version(dbc *c)
{
    return c->be->schema_version(c->h);
}

/*** Rows ***/

int dbrows_next(dbrows *r)
{
    return r->be->next(r->rows);
}

static int column(const dbrows *r, const char *col)
{
    int i = r->be->column(r->rows, col);
    if (i < 0) {
        /* A query without the column the code reads: a bug no input can cause. */
        fprintf(stderr, "judged: bug: no column '%s' in the query's rows\n", col);
        abort();
    }
    return i;
}

int64_t dbrows_int(const dbrows *r, const char *col)
{
    int i = column(r, col);
    return r->be->is_null(r->rows, i) ? 0 : r->be->get_int(r->rows, i);
}

double dbrows_double(const dbrows *r, const char *col)
{
    int i = column(r, col);
    return r->be->is_null(r->rows, i) ? 0.0 : r->be->get_double(r->rows, i);
}

const char *dbrows_text(const dbrows *r, const char *col)
{
    int i = column(r, col);
    return r->be->is_null(r->rows, i) ? NULL : r->be->get_text(r->rows, i);
}

const void *dbrows_blob(const dbrows *r, const char *col, size_t *len)
{
    int i = column(r, col);
    *len = 0;
    return r->be->is_null(r->rows, i) ? NULL : r->be->get_blob(r->rows, i, len);
}

bool dbrows_null(const dbrows *r, const char *col)
{
    return r->be->is_null(r->rows, column(r, col));
}

char *dbrows_strdup(const dbrows *r, const char *col)
{
    const char *s = dbrows_text(r, col);
    return strdup(s ? s : "");
}

int dbrows_collect(dbrows *r, size_t size, void (*fill)(const dbrows *r, void *element), void **out,
                   size_t *n)
{
    char *list = NULL;
    size_t count = 0, cap = 0;
    int rc;
    while ((rc = dbrows_next(r)) == 1) {
        if (count == cap) {
            size_t ncap = cap ? 2 * cap : 16;
            char *grown = realloc(list, ncap * size);
            if (!grown) {
                rc = -ENOMEM;
                break;
            }
            list = grown;
            cap = ncap;
        }
        void *e = list + count++ * size;
        memset(e, 0, size);
        fill(r, e);
    }
    if (rc < 0) {
        free(list);
        return rc;
    }
    *out = list;
    *n = count;
    return 0;
}

void dbrows_free(dbrows *r)
{
    if (!r)
        return;
    r->be->free_rows(r->rows);
    free(r);
}
