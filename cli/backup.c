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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "db.h"
#include "db_file.h"
#include "fsutil.h"
#include "problems.h"

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

/*
 * Checks a database file is a judged database this judged can open (db_file_check). Fills
 * *version and *submissions. 0 or -1 with a message printed.
 */
static int check_db(const char *path, int *version, int64_t *submissions)
{
    char err[1024];
    if (db_file_check(path, version, submissions, err, sizeof(err)) == 0)
        return 0;
    fprintf(stderr, "judged: %s\n", err);
    return -1;
}

static int do_backup(const char *file, const char *data)
{
    char src_path[PATH_MAX], tmp[PATH_MAX], err[1024];
    snprintf(src_path, sizeof(src_path), "%s/judged.db", data);
    snprintf(tmp, sizeof(tmp), "%s.tmp-%d", file, (int)getpid());
    if (!fs_is_file(src_path)) {
        fprintf(stderr, "judged: no database at '%s'\n", src_path);
        return 1;
    }
    int pages = 0, version = 0;
    int64_t subs = 0;
    int rc = db_file_copy(src_path, tmp, &pages, err, sizeof(err));
    if (rc)
        fprintf(stderr, "judged: backup of '%s' failed: %s\n", src_path, err);
    if (!rc && check_db(tmp, &version, &subs) == 0 && fsync_path(tmp) == 0 &&
        rename(tmp, file) == 0) {
        fsync_parent(file);
        fprintf(stderr,
                "judged: backed up '%s' to '%s': %d pages, schema version %d, %lld "
                "submissions\n",
                src_path, file, pages, version, (long long)subs);
        return 0;
    }
    if (!rc)
        fprintf(stderr, "judged: cannot put the backup in place at '%s': %s\n", file,
                strerror(errno));
    unlink(tmp);
    return 1;
}

struct missing {
    const char *data;
    long n;
};

/* A version's package not in DIR/packages: said for the first five, counted for all. */
static int note_missing(const char *hash, void *ud)
{
    struct missing *m = ud;
    char pkg[PATH_MAX];
    snprintf(pkg, sizeof(pkg), "%s/packages/%s", m->data, hash);
    if (!fs_is_dir(pkg) && m->n++ < 5)
        fprintf(stderr,
                "judged: warning: package '%s' is missing; copy it from the old data "
                "folder's packages/\n",
                pkg);
    return 0;
}

/*
 * Every version's package must be there: the database names them, the backup has none. Opening
 * the restored store migrates it as judged's next start would.
 */
static void check_packages(const char *dbpath, const char *data)
{
    db *d = NULL;
    char err[512];
    struct missing m = {.data = data};
    if (db_open(dbpath, &d, err, sizeof(err)) == 0)
        problems_each_hash(d, note_missing, &m);
    else
        fprintf(stderr, "judged: warning: cannot list the restored packages: %s\n", err);
    db_close(d);
    if (m.n)
        fprintf(stderr,
                "judged: warning: %ld packages missing in all: their problems cannot be "
                "judged until they are copied in\n",
                m.n);
}

static int do_restore(const char *file, const char *data)
{
    int version = 0;
    int64_t subs = 0;
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
        db_file_checkpoint(dbpath);
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
            dbpath, version, (long long)subs);
    check_packages(dbpath, data);
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
