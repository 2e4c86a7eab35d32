/*
 * Backups. `judged backup FILE --data DIR` copies DIR/judged.db with SQLite's online backup API
 * from a process of its own: it works while judged serves (WAL: readers never block the writer,
 * and a step that meets a busy database is retried), and the copy is a consistent snapshot of one
 * moment. It is written next to FILE, checked, and renamed into place, so FILE is always whole.
 * Packages are not in the copy: DIR/packages/HASH folders never change once written, so copying
 * the ones a backup lacks (rsync --ignore-existing) is the whole of their backup.
 *
 * `judged restore FILE --data DIR` puts a backup in place with judged stopped (it takes the data
 * folder's lock): the database it replaces is kept beside it, and the -wal and -shm files of the
 * old database go, since SQLite would otherwise apply the old log to the restored file.
 */
#define _GNU_SOURCE
#include "backup.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "db.h"
#include "fsutil.h"

extern const char *const db_migrations[];

static void usage(FILE *f)
{
    fputs("usage: judged backup FILE --data DIR    an online copy of DIR/judged.db into FILE\n"
          "       judged restore FILE --data DIR   DIR/judged.db replaced by the backup FILE\n"
          "backup works while judged runs; restore needs it stopped. Packages (DIR/packages)\n"
          "are copied apart: they never change once stored.\n",
          f);
}

static int fsync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = fsync(fd) < 0 ? -errno : 0;
    close(fd);
    return rc;
}

static void fsync_parent(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        dir[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof(dir), ".");
    fsync_path(dir);
}

/* A scalar of `sql` on `c` as an integer; -1 when it fails. */
static long long scalar(sqlite3 *c, const char *sql)
{
    sqlite3_stmt *st = db_prepare(c, sql, "");
    long long v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

/*
 * Checks a database file is a judged database this judged can open: quick_check passes, its
 * schema version is known. Fills *version and *submissions. 0 or -1 with a message printed.
 */
static int check_db(const char *path, int *version, long long *submissions)
{
    sqlite3 *c = NULL;
    int rc = sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL);
    sqlite3_stmt *st = rc == SQLITE_OK ? db_prepare(c, "PRAGMA quick_check", "") : NULL;
    const char *ok =
        st && sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int result = -1;
    int known = 0;
    while (db_migrations[known])
        known++;
    if (!ok || strcmp(ok, "ok"))
        fprintf(stderr, "judged: '%s' is not a sound SQLite database: %s\n", path,
                ok ? ok : sqlite3_errmsg(c));
    else if ((*version = db_schema_version(c)) < 1 || *version > known)
        fprintf(stderr, "judged: '%s' has schema version %d; this judged knows 1 to %d\n", path,
                *version, known);
    else if ((*submissions = scalar(c, "SELECT count(*) FROM submissions")) < 0)
        fprintf(stderr, "judged: '%s' is not a judged database (no submissions table)\n", path);
    else
        result = 0;
    sqlite3_finalize(st);
    sqlite3_close(c);
    return result;
}

static int do_backup(const char *file, const char *data)
{
    char src_path[PATH_MAX], tmp[PATH_MAX];
    snprintf(src_path, sizeof(src_path), "%s/judged.db", data);
    snprintf(tmp, sizeof(tmp), "%s.tmp-%d", file, (int)getpid());
    if (!fs_is_file(src_path)) {
        fprintf(stderr, "judged: no database at '%s'\n", src_path);
        return 1;
    }
    sqlite3 *src = NULL, *dst = NULL;
    /* Read-write without create: a WAL database's readers need its -shm, and it must exist. */
    int rc = sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READWRITE, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_busy_timeout(src, 10000);
    unlink(tmp);
    if (rc == SQLITE_OK)
        rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
    int pages = 0;
    if (b) {
        /* Steps of 256 pages let judged's writers go on between them; a busy step waits. */
        do {
            rc = sqlite3_backup_step(b, 256);
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep(20);
        } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        pages = sqlite3_backup_pagecount(b);
        sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(dst);
    }
    /* One self-contained file: the copy leaves WAL mode (judged sets it again when it opens). */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        fprintf(stderr, "judged: backup of '%s' failed: %s\n", src_path,
                dst   ? sqlite3_errmsg(dst)
                : src ? sqlite3_errmsg(src)
                      : sqlite3_errstr(rc));
    sqlite3_close(dst);
    sqlite3_close(src);
    int version = 0;
    long long subs = 0;
    if (rc == SQLITE_OK && check_db(tmp, &version, &subs) == 0 && fsync_path(tmp) == 0 &&
        rename(tmp, file) == 0) {
        fsync_parent(file);
        fprintf(stderr,
                "judged: backed up '%s' to '%s': %d pages, schema version %d, %lld "
                "submissions\n",
                src_path, file, pages, version, subs);
        return 0;
    }
    if (rc == SQLITE_OK)
        fprintf(stderr, "judged: cannot put the backup in place at '%s': %s\n", file,
                strerror(errno));
    unlink(tmp);
    return 1;
}

static int do_restore(const char *file, const char *data)
{
    int version = 0;
    long long subs = 0;
    if (!fs_is_file(file)) {
        fprintf(stderr, "judged: no backup at '%s'\n", file);
        return 1;
    }
    if (check_db(file, &version, &subs))
        return 1;
    if (fs_mkdirs(data, 0700)) {
        fprintf(stderr, "judged: cannot create the data folder '%s': %s\n", data, strerror(errno));
        return 1;
    }
    char lockpath[PATH_MAX], dbpath[PATH_MAX], tmp[PATH_MAX], old[PATH_MAX], side[PATH_MAX + 8];
    snprintf(lockpath, sizeof(lockpath), "%s/judged.lock", data);
    snprintf(dbpath, sizeof(dbpath), "%s/judged.db", data);
    snprintf(tmp, sizeof(tmp), "%s/judged.db.restore-%d", data, (int)getpid());
    snprintf(old, sizeof(old), "%s/judged.db.replaced-%lld", data, (long long)db_now_ms());
    int lockfd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockfd < 0 || flock(lockfd, LOCK_EX | LOCK_NB) < 0) {
        fprintf(stderr, "judged: a judged is running on '%s'; stop it before restoring\n", data);
        return 1;
    }
    int status = 1;
    if (fs_copy(file, tmp, 0600) || fsync_path(tmp)) {
        fprintf(stderr, "judged: cannot copy '%s' into '%s'\n", file, data);
        goto out;
    }
    if (fs_is_file(dbpath)) {
        /* Fold the old database's log into it first, so the copy kept aside is whole. */
        sqlite3 *c = NULL;
        if (sqlite3_open_v2(dbpath, &c, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
            sqlite3_exec(c, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
        sqlite3_close(c);
        if (rename(dbpath, old) < 0) {
            fprintf(stderr, "judged: cannot move the current database aside: %s\n",
                    strerror(errno));
            goto out;
        }
        fprintf(stderr, "judged: the database replaced is kept as '%s'\n", old);
    }
    for (int i = 0; i < 2; i++) {
        snprintf(side, sizeof(side), "%s%s", dbpath, i ? "-shm" : "-wal");
        unlink(side);
    }
    if (rename(tmp, dbpath) < 0) {
        fprintf(stderr, "judged: cannot put the backup in place: %s\n", strerror(errno));
        goto out;
    }
    fsync_parent(dbpath);
    status = 0;
    fprintf(stderr, "judged: restored '%s' into '%s': schema version %d, %lld submissions\n", file,
            dbpath, version, subs);
    /* Every version's package must be there: the database names them, the backup has none. */
    sqlite3 *c = NULL;
    sqlite3_stmt *st = NULL;
    long missing = 0;
    if (sqlite3_open_v2(dbpath, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
        st = db_prepare(c, "SELECT DISTINCT hash FROM problem_versions", "");
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        char pkg[PATH_MAX];
        snprintf(pkg, sizeof(pkg), "%s/packages/%s", data,
                 (const char *)sqlite3_column_text(st, 0));
        if (!fs_is_dir(pkg) && missing++ < 5)
            fprintf(stderr,
                    "judged: warning: package '%s' is missing; copy it from the old data "
                    "folder's packages/\n",
                    pkg);
    }
    if (missing)
        fprintf(stderr,
                "judged: warning: %ld packages missing in all: their problems cannot be "
                "judged until they are copied in\n",
                missing);
    sqlite3_finalize(st);
    sqlite3_close(c);
out:
    unlink(tmp);
    close(lockfd);
    return status;
}

int backup_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"data", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *data = NULL, *file = NULL;
    optind = 1;
    int c;
    /* Options and the FILE in any order. */
    while (optind < argc) {
        if ((c = getopt_long(argc, argv, "+h", longopts, NULL)) == -1) {
            if (file) {
                fprintf(stderr, "judged: unexpected argument '%s'\n", argv[optind]);
                return 2;
            }
            file = argv[optind++];
            continue;
        }
        if (c == 'd') {
            data = optarg;
        } else if (c == 'h') {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    if (!data || !file) {
        usage(stderr);
        return 2;
    }
    return !strcmp(argv[0], "backup") ? do_backup(file, data) : do_restore(file, data);
}
