/*
 * Remote workers: judges on other machines pull submissions, as DOMjudge's judgehosts do, from
 * the same queue the local worker threads use.
 *
 *   claim      the queue picks the next submission (round robin across clients, as for local
 *              workers) and one conditional UPDATE moves it to compiling with a lease (a random
 *              id, an expiry, the worker's token), so a submission is never handed out twice,
 *              whoever claims, in this process or another sharing the store;
 *   heartbeat  moves the expiry on; a lease not extended in time is swept back to the queue
 *              (the worker died or lost the network) by a thread of its own;
 *   result     is recorded in one transaction guarded on the lease being current, so a
 *              submission gets exactly one result however many workers judged it: a stale
 *              lease gets -ESTALE and nothing is written;
 *   release    puts the submission back (the worker is stopping).
 *
 * Every one of these is a single UPDATE whose WHERE names the lease, status 'compiling' and the
 * holder, and whose effect is read back (RETURNING, or the rows changed): between two judged
 * processes on one PostgreSQL, the row lock orders them and the loser's WHERE no longer holds.
 *
 * Packages go to workers as tar.gz archives made once per content hash (cache/HASH.tar.gz); the
 * worker checks the hash of what it unpacked.
 */
#define _GNU_SOURCE
#include "leases.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"

#define SWEEP_EVERY_MS 1000

static pthread_t sweeper;
static bool sweeper_started;
/* One archive is written at a time: two workers asking for a new package at once get one copy. */
static pthread_mutex_t archive_lock = PTHREAD_MUTEX_INITIALIZER;

/* The owner clause: a worker acts on its own leases only; the admin (1) on any. */
#define LEASE_OWNER "(? = 1 OR coalesce(worker_token_id, 0) = ?)"

static unsigned lease_seconds(const struct server *s)
{
    return s->cfg.lease_s ? s->cfg.lease_s : LEASE_S_DEFAULT;
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
}

/*** The sweep ***/

long leases_sweep(struct server *s)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    long n = 0;
    int rc = dbc_query(c, &r,
                       "UPDATE submissions SET status = 'queued', started_at = NULL, "
                       "lease_id = NULL, lease_expires_at = NULL, worker_token_id = NULL "
                       "WHERE lease_id IS NOT NULL AND status = 'compiling' AND "
                       "lease_expires_at < ? RETURNING id",
                       "i", db_now_ms());
    while (!rc && (rc = dbrows_next(r)) == 1) {
        rc = 0;
        const char *id = dbrows_text(r, "id");
        queue_live_end(s, id);
        fprintf(stderr,
                "judged: the lease on submission %s expired (its worker is gone); "
                "back in the queue\n",
                id);
        n++;
    }
    dbrows_free(r);
    db_put(s->db, c);
    return rc ? rc : n;
}

static void *sweep_main(void *arg)
{
    struct server *s = arg;
    while (!s->stopping) {
        if (leases_sweep(s) > 0)
            queue_wake_all(s);
        for (unsigned t = 0; t < SWEEP_EVERY_MS && !s->stopping; t += 100)
            sleep_ms(100);
    }
    return NULL;
}

int leases_start(struct server *s)
{
    int rc = pthread_create(&sweeper, NULL, sweep_main, s);
    if (rc)
        return -rc;
    sweeper_started = true;
    return 0;
}

void leases_stop(struct server *s)
{
    (void)s;
    if (sweeper_started)
        pthread_join(sweeper, NULL);
    sweeper_started = false;
}

/*** Leases ***/

int leases_touch(struct server *s, const struct principal *who)
{
    if (!who->token_id)
        return 0;
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_run(c, "UPDATE tokens SET last_seen_at = ? WHERE id = ?", "ii", db_now_ms(),
                     who->token_id);
    db_put(s->db, c);
    return rc;
}

/* The problem version a job is judged against, as the worker fetches it. 0 or an errno. */
static int read_problem(struct server *s, struct lease_job *out)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    int rc = dbc_query(c, &r, "SELECT slug, hash, time_limit_ms FROM problem_versions WHERE id = ?",
                       "i", out->job.version_id);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1) {
        out->has_problem = true;
        snprintf(out->slug, sizeof(out->slug), "%s", dbrows_text(r, "slug"));
        snprintf(out->hash, sizeof(out->hash), "%s", dbrows_text(r, "hash"));
        out->time_limit_ms = dbrows_int(r, "time_limit_ms");
        rc = 0;
    }
    dbrows_free(r);
    db_put(s->db, c);
    return rc;
}

int leases_claim(struct server *s, const struct principal *who, struct lease_job *out)
{
    memset(out, 0, sizeof(*out));
    auth_random_hex(out->lease_id, LEASE_ID_LEN / 2);
    out->lease_s = lease_seconds(s);
    out->heartbeat_s = out->lease_s / 3 ? out->lease_s / 3 : 1;
    out->expires_at = db_now_ms() + (int64_t)out->lease_s * 1000;
    struct lease_terms terms = {out->lease_id, out->expires_at, who->token_id};
    int rc = queue_claim_leased(s, &terms, &out->job);
    if (rc)
        goto out;
    /* A version gone since (it cannot be: versions stay) leaves the problem out: the worker
     * reports IE, and the lease is answered all the same. */
    rc = read_problem(s, out);
    if (rc)
        goto out;
    queue_live_begin(s, out->job.id);
    fprintf(stderr, "judged: submission %s leased to worker token %lld\n", out->job.id,
            (long long)who->token_id);
out:
    if (rc && out->job.seq) {
        /* Claimed but not answerable: give it back at once rather than after the lease. */
        char id[SUBMISSION_ID_LEN + 1];
        struct principal admin = {.role = ROLE_ADMIN};
        leases_release(s, &admin, out->lease_id, id);
    }
    if (rc) {
        job_release(&out->job);
        memset(out, 0, sizeof(*out));
    }
    return rc;
}

int leases_heartbeat(struct server *s, const struct principal *who, const char *lease_id,
                     int64_t *expires_at)
{
    int64_t expires = db_now_ms() + (int64_t)lease_seconds(s) * 1000;
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_run(c,
                     "UPDATE submissions SET lease_expires_at = ? WHERE lease_id = ? AND "
                     "status = 'compiling' AND " LEASE_OWNER,
                     "isii", expires, lease_id, (int64_t)(who->role == ROLE_ADMIN), who->token_id);
    if (!rc && dbc_changes(c) != 1)
        rc = -ESTALE;
    if (!rc && who->token_id)
        rc = dbc_run(c, "UPDATE tokens SET last_seen_at = ? WHERE id = ?", "ii", db_now_ms(),
                     who->token_id);
    db_put(s->db, c);
    if (!rc)
        *expires_at = expires;
    return rc;
}

/*
 * Runs `sql`, a statement on the lease of `who` (an UPDATE ... RETURNING id, or a SELECT of id)
 * guarded on it being current, and reads the id: -ESTALE when no row matched.
 */
static int lease_row_id(struct server *s, const char *sql, const struct principal *who,
                        const char *lease_id, char id[SUBMISSION_ID_LEN + 1])
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    int rc =
        dbc_query(c, &r, sql, "sii", lease_id, (int64_t)(who->role == ROLE_ADMIN), who->token_id);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 1) {
        snprintf(id, SUBMISSION_ID_LEN + 1, "%s", dbrows_text(r, "id"));
        rc = 0;
    } else if (rc == 0) {
        rc = -ESTALE;
    }
    dbrows_free(r);
    db_put(s->db, c);
    return rc;
}

int leases_release(struct server *s, const struct principal *who, const char *lease_id,
                   char id[SUBMISSION_ID_LEN + 1])
{
    int rc =
        lease_row_id(s,
                     "UPDATE submissions SET status = 'queued', started_at = NULL, "
                     "lease_id = NULL, lease_expires_at = NULL, worker_token_id = NULL "
                     "WHERE lease_id = ? AND status = 'compiling' AND " LEASE_OWNER " RETURNING id",
                     who, lease_id, id);
    if (rc)
        return rc;
    queue_live_end(s, id);
    queue_wake_all(s);
    fprintf(stderr, "judged: submission %s released by its worker; back in the queue\n", id);
    return 0;
}

int leases_current(struct server *s, const struct principal *who, const char *lease_id,
                   char id[SUBMISSION_ID_LEN + 1])
{
    /* A read: the lease may end right after it, and the progress it guards is only shown. */
    return lease_row_id(s,
                        "SELECT id FROM submissions WHERE lease_id = ? AND status = 'compiling' "
                        "AND " LEASE_OWNER,
                        who, lease_id, id);
}

int leases_record(struct server *s, const struct principal *who, const char *lease_id,
                  const struct judged_result *res, char id[SUBMISSION_ID_LEN + 1], double *seconds)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    int64_t seq = 0, now = db_now_ms(), started = now;
    int rc = dbc_begin(c);
    if (rc)
        goto out;
    /* The guard, ending the lease: only its current holder gets past it, once. */
    rc = dbc_query(
        c, &r,
        "UPDATE submissions SET status = 'done', lease_id = NULL, "
        "lease_expires_at = NULL WHERE lease_id = ? AND status = 'compiling' AND " LEASE_OWNER
        " RETURNING seq, id, coalesce(started_at, ?) AS started",
        "siii", lease_id, (int64_t)(who->role == ROLE_ADMIN), who->token_id, now);
    if (!rc)
        rc = dbrows_next(r);
    if (rc == 0)
        rc = -ESTALE;
    if (rc < 0)
        goto out;
    seq = dbrows_int(r, "seq");
    snprintf(id, SUBMISSION_ID_LEN + 1, "%s", dbrows_text(r, "id"));
    started = dbrows_int(r, "started");
    dbrows_free(r);
    r = NULL;
    rc = queue_store_result(c, seq, res);
    if (!rc && who->token_id)
        rc =
            dbc_run(c, "UPDATE tokens SET last_seen_at = ? WHERE id = ?", "ii", now, who->token_id);
    if (!rc)
        rc = dbc_commit(c);
    if (!rc)
        *seconds = (double)(now - started) / 1000.0;
out:
    dbrows_free(r);
    db_put(s->db, c); /* rolls back what an error left open */
    return rc;
}

/*** Packages ***/

/* Adds one folder or regular file of a package to the archive (fs_walk_sorted's order). */
static int add_entry(void *ud, const char *rel, const char *full, const struct stat *st)
{
    struct archive *a = ud;
    struct archive_entry *e = archive_entry_new();
    archive_entry_set_pathname(e, rel);
    archive_entry_set_filetype(e, S_ISDIR(st->st_mode) ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, S_ISDIR(st->st_mode) || (st->st_mode & 0111) ? 0755 : 0644);
    archive_entry_set_size(e, S_ISREG(st->st_mode) ? st->st_size : 0);
    int rc = archive_write_header(a, e) != ARCHIVE_OK ? -EIO : 0;
    archive_entry_free(e);
    if (rc || S_ISDIR(st->st_mode))
        return rc;
    int fd = open(full, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    char buf[65536];
    ssize_t got = fd < 0 ? -1 : 0;
    while (fd >= 0 && (got = read(fd, buf, sizeof(buf))) > 0)
        if (archive_write_data(a, buf, (size_t)got) != got) {
            got = -1;
            break;
        }
    if (fd >= 0)
        close(fd);
    return got < 0 ? -EIO : 0;
}

/* Writes the package folder `dir` as a tar.gz at `dest`, through a temporary file in `tmpdir`. */
static int write_archive(const char *dir, const char *dest, const char *tmpdir)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof(tmp), "%s/package-XXXXXX", tmpdir);
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct archive *a = archive_write_new();
    int rc = a ? 0 : -ENOMEM;
    if (!rc && (archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
                archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
                archive_write_open_fd(a, fd) != ARCHIVE_OK))
        rc = -EIO;
    if (!rc)
        rc = fs_walk_sorted(dir, add_entry, a);
    if (a && archive_write_close(a) != ARCHIVE_OK && !rc)
        rc = -EIO;
    archive_write_free(a);
    if (!rc && fsync(fd) < 0)
        rc = -errno;
    close(fd);
    if (!rc && rename(tmp, dest) < 0)
        rc = -errno;
    if (rc)
        unlink(tmp);
    return rc;
}

static bool hex64(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");
    return n == 64 && !s[n];
}

int leases_package_open(struct server *s, const char *hash, int *fd)
{
    if (!hex64(hash))
        return -EINVAL;
    /* Only the packages of problem versions: nothing else under the data folder. */
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int64_t known = 0;
    int rc = dbc_scalar(c, &known,
                        "SELECT count(*) AS n FROM (SELECT 1 AS one FROM problem_versions "
                        "WHERE hash = ? LIMIT 1) AS v",
                        "s", hash);
    db_put(s->db, c);
    if (rc)
        return rc;
    char dir[PATH_MAX], path[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s/%s", s->packages_dir, hash);
    snprintf(path, sizeof(path), "%s/%s.tar.gz", s->cache_dir, hash);
    if (!known || !fs_is_dir(dir))
        return -ENOENT;
    pthread_mutex_lock(&archive_lock);
    rc = fs_is_file(path) ? 0 : write_archive(dir, path, s->tmp_dir);
    pthread_mutex_unlock(&archive_lock);
    if (rc)
        return rc;
    int f = open(path, O_RDONLY | O_CLOEXEC);
    if (f < 0)
        return -errno;
    *fd = f;
    return 0;
}

/*** Worker tokens ***/

int leases_token_create(struct server *s, const char *name, struct worker_token *out)
{
    struct worker_token t = {.created_at = db_now_ms()};
    unsigned char hash[32];
    snprintf(t.name, sizeof(t.name), "%s", name);
    if (auth_new_token("jw_", t.token, sizeof(t.token), hash))
        return -EIO;
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    int rc = dbc_scalar(c, &t.id,
                        "INSERT INTO tokens (hash, role, name, created_at) VALUES (?, 'worker', "
                        "?, ?) RETURNING id",
                        "bsi", hash, sizeof(hash), name, t.created_at);
    db_put(s->db, c);
    if (!rc)
        *out = t;
    return rc;
}

static void worker_token_fill(const dbrows *r, void *e)
{
    struct worker_token *t = e;
    *t = (struct worker_token){.id = dbrows_int(r, "id"),
                               .created_at = dbrows_int(r, "created_at"),
                               .revoked_at = dbrows_int(r, "revoked"),
                               .last_seen_at = dbrows_int(r, "seen"),
                               .leases = dbrows_int(r, "leases")};
    snprintf(t->name, sizeof(t->name), "%s", dbrows_text(r, "name"));
}

int leases_tokens_list(struct server *s, struct worker_token **rows, size_t *count)
{
    dbc *c = db_get(s->db);
    if (!c)
        return -EIO;
    dbrows *r = NULL;
    int rc = dbc_query(c, &r,
                       "SELECT t.id, t.name, t.created_at, coalesce(t.revoked_at, 0) AS revoked, "
                       "coalesce(t.last_seen_at, 0) AS seen, (SELECT count(*) FROM submissions "
                       "WHERE lease_id IS NOT NULL AND worker_token_id = t.id) AS leases "
                       "FROM tokens t WHERE t.role = 'worker' ORDER BY t.id",
                       "");
    void *list = NULL;
    if (!rc && !(rc = dbrows_collect(r, sizeof(**rows), worker_token_fill, &list, count)))
        *rows = list;
    dbrows_free(r);
    db_put(s->db, c);
    return rc;
}
