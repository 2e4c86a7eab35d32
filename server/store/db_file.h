/*
 * db_file: a SQLite store as a file, for `judged backup` and `judged restore`: an online copy,
 * the checks a copy must pass before it is used, and folding a store's log into its file.
 * SQLite only (a PostgreSQL store is backed up with pg_dump: docs/deploy.md). Nothing here
 * migrates or otherwise changes the file it checks or copies from.
 *
 * Errors: 0 or a negative errno as in db.h, with `err` saying why for people; nothing printed.
 * Thread-safety: every call opens connections of its own; any thread.
 */
#ifndef SERVER_DB_FILE_H
#define SERVER_DB_FILE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Copies the store `src` into the new file `dst` with SQLite's online backup API: `src` may be in
 * use (steps of 256 pages let its writers go on; a busy step waits), and the copy is one moment
 * of it, in one self-contained file (no WAL). *pages receives its size in pages.
 */
int db_file_copy(const char *src, const char *dst, int *pages, char *err, size_t errsize);

/*
 * Opens `path` read-only and checks it is a judged store this judged can open: SQLite's
 * quick_check passes and its schema version is 1 to the number of migrations known (-EPROTO
 * otherwise). *version receives it, *submissions the submissions it holds.
 */
int db_file_check(const char *path, int *version, int64_t *submissions, char *err, size_t errsize);

/* Folds the write-ahead log of the store `path` into its file (before it is moved aside). */
int db_file_checkpoint(const char *path);

#endif
