/* A SQLite store as a file: copy, check, checkpoint (db_file.h). */
#include "db_file.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define COPY_STEP_PAGES 256   /* pages per backup step: writers of the source go on between */
#define COPY_BUSY_MS    20    /* the wait after a step that met a busy source */
#define OPEN_BUSY_MS    10000 /* the source's writers hold it this long at most */

extern const char *const db_migrations[];

/* The steps of one online backup from `src` into `dst`: SQLITE_OK, or what failed. */
static int copy_pages(sqlite3 *src, sqlite3 *dst, int *pages)
{
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b)
        return sqlite3_errcode(dst);
    int rc;
    do {
        rc = sqlite3_backup_step(b, COPY_STEP_PAGES);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(COPY_BUSY_MS);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    *pages = sqlite3_backup_pagecount(b);
    sqlite3_backup_finish(b);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int db_file_copy(const char *src_path, const char *dst_path, int *pages, char *err, size_t errsize)
{
    sqlite3 *src = NULL, *dst = NULL;
    /* Read-write without create: a WAL database's readers need its -shm, and it must exist. */
    int rc = sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(src, OPEN_BUSY_MS);
    unlink(dst_path);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(dst_path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK)
        rc = copy_pages(src, dst, pages);
    /* One self-contained file: the copy leaves WAL mode (judged sets it again when it opens). */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        snprintf(err, errsize, "%s",
                 dst   ? sqlite3_errmsg(dst)
                 : src ? sqlite3_errmsg(src)
                       : sqlite3_errstr(rc));
    sqlite3_close(dst);
    sqlite3_close(src);
    return rc == SQLITE_OK ? 0 : rc == SQLITE_FULL ? -ENOSPC : -EIO;
}

/* The first column of `sql`'s first row as an integer, or text into `text`; SQLITE_ROW if one. */
static int first(sqlite3 *c, const char *sql, int64_t *n, char *text, size_t size)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(c, sql, -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && n)
        *n = sqlite3_column_int64(st, 0);
    if (rc == SQLITE_ROW && text)
        snprintf(text, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return rc;
}

int db_file_check(const char *path, int *version, int64_t *submissions, char *err, size_t errsize)
{
    sqlite3 *c = NULL;
    char ok[256] = "";
    int64_t v = -1;
    int known = 0, rc = -EIO;
    while (db_migrations[known])
        known++;
    if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        first(c, "PRAGMA quick_check", NULL, ok, sizeof(ok)) != SQLITE_ROW || strcmp(ok, "ok")) {
        snprintf(err, errsize, "'%s' is not a sound SQLite database: %s", path,
                 *ok ? ok : sqlite3_errmsg(c));
        goto out;
    }
    if (first(c, "PRAGMA user_version", &v, NULL, 0) != SQLITE_ROW || v < 1 || v > known) {
        snprintf(err, errsize, "'%s' has schema version %d; this judged knows 1 to %d", path,
                 (int)v, known);
        rc = -EPROTO;
        goto out;
    }
    if (first(c, "SELECT count(*) FROM submissions", submissions, NULL, 0) != SQLITE_ROW) {
        snprintf(err, errsize, "'%s' is not a judged database (no submissions table)", path);
        goto out;
    }
    *version = (int)v;
    rc = 0;
out:
    sqlite3_close(c);
    return rc;
}

int db_file_checkpoint(const char *path)
{
    sqlite3 *c = NULL;
    int rc = sqlite3_open_v2(path, &c, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(c, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close(c);
    return rc == SQLITE_OK ? 0 : -EIO;
}
