/* db: the SQLite database: opening in WAL mode, migrations, a pool of connections, small helpers.
 */
#ifndef SERVER_DB_H
#define SERVER_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct db db;

/*
 * Opens (creating) the database at `path` with WAL, foreign keys and a busy timeout, and applies
 * the migrations of schema/ not applied yet, each in one transaction. `err` receives why it failed.
 */
int db_open(const char *path, db **out, char *err, size_t errsize);
void db_close(db *d);

/* A connection for this thread's use until db_release; connections are pooled. */
sqlite3 *db_acquire(db *d);
void db_release(db *d, sqlite3 *c);

/*
 * Prepares `sql` and binds the arguments described by `fmt`, one letter each: s (const char *,
 * NULL binds NULL), i (int64_t), d (double), b (const void *, int length). NULL on error.
 */
sqlite3_stmt *db_prepare(sqlite3 *c, const char *sql, const char *fmt, ...);
/* Prepares, binds, steps to the end and finalizes. Returns a SQLite result code (SQLITE_OK). */
int db_exec(sqlite3 *c, const char *sql, const char *fmt, ...);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int db_begin(sqlite3 *c);
int db_commit(sqlite3 *c);
void db_rollback(sqlite3 *c);

/* A column as a new string ("" for NULL), or NULL when out of memory. */
char *db_column_strdup(sqlite3_stmt *st, int col);
/* The schema version applied (PRAGMA user_version). */
int db_schema_version(sqlite3 *c);
/* Milliseconds since the epoch, the time every table stores. */
int64_t db_now_ms(void);

/* Online copy of the open database into `path` with SQLite's backup API. */
int db_backup(db *d, const char *path, char *err, size_t errsize);

#endif
