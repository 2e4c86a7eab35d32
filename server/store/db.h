/*
 * db: the database behind the domain modules, SQLite (embedded, the default) or PostgreSQL, behind
 * one small API: a pool of connections, statements with `?` placeholders, rows read by column name.
 *
 * Invariants a caller relies on:
 *  - Every function returns 0 (or a count, or 1 for "a row") on success and a negative errno on
 *    failure: -EEXIST a uniqueness or foreign-key rule refused the write, -EBUSY the database was
 *    busy or a concurrent transaction won (retry the whole transaction), -ENOENT no row where one
 *    was asked for, -ENOMEM, -ENOSPC the disk is full, -EINVAL a bad format letter, -EIO anything
 *    else. No function logs.
 *  - SQL is written once for both engines: `?` placeholders (PostgreSQL's $n are made here),
 *    `INSERT ... RETURNING id`, `ON CONFLICT`, integers for booleans and milliseconds. Where the
 *    engines differ, a domain module picks with DB_SQL(c, sqlite_text, postgres_text).
 *  - Thread-safety: a `db` is shared by every thread; a `dbc` (one connection) and the `dbrows` it
 *    produced are used by one thread at a time, from db_get() to db_put().
 *  - Ownership: db_get() lends a connection until db_put(), which takes it back (rolling back any
 *    transaction an error path left open). A `dbrows` belongs to its caller until dbrows_free();
 *    the strings and blobs it hands out are borrowed until the next dbrows_next() or the free.
 *
 * The older SQLite-only calls (db_acquire, db_prepare, ...) stay below until every module has
 * moved.
 */
#ifndef SERVER_DB_H
#define SERVER_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct db db;         /* the pool, shared */
typedef struct dbc dbc;       /* one connection, one thread at a time */
typedef struct dbrows dbrows; /* the rows of one query */

enum db_kind { DB_SQLITE = 1, DB_POSTGRES = 2 };

/*
 * Opens the store named by `url`: "sqlite:PATH", a bare PATH (SQLite), or "postgresql://..." /
 * "postgres://..." (libpq's connection URI). Applies the schema's migrations not applied yet, each
 * in one transaction; a store at a newer schema version than this judged refuses (-EPROTO).
 * `err` receives why it failed.
 */
int db_open_url(const char *url, db **out, char *err, size_t errsize);
/* db_open_url() of a SQLite file, kept for callers that have a path. */
int db_open(const char *path, db **out, char *err, size_t errsize);
void db_close(db *d); /* NULL is fine */
enum db_kind db_kind_of(const db *d);
/* The URL or path it was opened with, for logs (a PostgreSQL password is not kept in it). */
const char *db_describe(const db *d);

/* A connection from the pool, or NULL when none can be opened. */
dbc *db_get(db *d);
void db_put(db *d, dbc *c); /* NULL is fine */
enum db_kind dbc_kind(const dbc *c);
#define DB_SQL(c, sqlite_sql, postgres_sql)                                                        \
    (dbc_kind(c) == DB_POSTGRES ? (postgres_sql) : (sqlite_sql))

/*
 * Arguments, one format letter each: s (const char *, NULL binds NULL), i (int64_t), d (double),
 * b (const void *, size_t length: a blob), n (NULL).
 */
/* Runs a statement that returns no rows. 0 or a negative errno. */
int dbc_run(dbc *c, const char *sql, const char *fmt, ...);
/* Rows the last dbc_run() inserted, changed or deleted. */
int64_t dbc_changes(const dbc *c);
/* Runs a query; *out receives its rows (to dbrows_free()), untouched on failure. */
int dbc_query(dbc *c, dbrows **out, const char *sql, const char *fmt, ...);
/* The first column of the first row as an integer (count(*), RETURNING id); -ENOENT: no row. */
int dbc_scalar(dbc *c, int64_t *out, const char *sql, const char *fmt, ...);
/*
 * A transaction that writes: SQLite's BEGIN IMMEDIATE (writers queue on the busy timeout instead
 * of failing halfway), PostgreSQL's BEGIN (rows are locked with FOR UPDATE where it matters).
 */
int dbc_begin(dbc *c);
int dbc_commit(dbc *c);
void dbc_rollback(dbc *c); /* a no-op outside a transaction */

/* 1 a row is ready, 0 no more rows, a negative errno. */
int dbrows_next(dbrows *r);
/*
 * The current row's column `col` (by name, as the SELECT names it). A name the query has not is
 * the caller's bug: it aborts, so a test finds it. NULL reads as 0, 0.0, NULL or length 0.
 */
int64_t dbrows_int(const dbrows *r, const char *col);
double dbrows_double(const dbrows *r, const char *col);
const char *dbrows_text(const dbrows *r, const char *col);
const void *dbrows_blob(const dbrows *r, const char *col, size_t *len);
bool dbrows_null(const dbrows *r, const char *col);
/* A new copy of a text column ("" for NULL), or NULL when out of memory. */
char *dbrows_strdup(const dbrows *r, const char *col);
void dbrows_free(dbrows *r); /* NULL is fine */
/*
 * Reads every remaining row of `r` into a new array of `size`-byte elements, each zeroed and
 * then filled by fill(r, element): the one loop of every list reader. 0 with *out (the caller's,
 * to free(); NULL when there are no rows) and *n, or a negative errno with nothing returned; the
 * fill must own nothing that needs more than free() of the array. `r` is not freed.
 */
int dbrows_collect(dbrows *r, size_t size, void (*fill)(const dbrows *r, void *element), void **out,
                   size_t *n);

/*
 * Telling the other judged nodes on the same store that something changed. dbc_notify() sends
 * `payload` (short text, under 8000 bytes) on `channel`; inside a transaction it goes out when
 * the transaction commits, and not at all when it rolls back. db_listen() starts a thread with its
 * own connection that calls fn(payload, ud) for every notification on `channel`, this node's
 * own included, and fn(NULL, ud) after it (re)connected: notifications may have been missed
 * then, look again. fn runs on that thread and must not block for long. On SQLite (one node, the
 * process that writes is the one that waits) dbc_notify() does nothing and db_listen() returns
 * -ENOTSUP. Listeners stop in db_close().
 */
typedef void (*db_listen_fn)(const char *payload, void *ud);
int dbc_notify(dbc *c, const char *channel, const char *payload);
int db_listen(db *d, const char *channel, db_listen_fn fn, void *ud);
/* Stops every listener (their callbacks have returned when it does); db_close() does it too. */
void db_listen_stop(db *d);

/* The schema version applied. */
int dbc_schema_version(dbc *c);
/* Milliseconds since the epoch, the time every table stores. */
int64_t db_now_ms(void);

#endif
