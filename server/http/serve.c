/*
 * The service: set-up in an order that matters, then wait for a signal.
 *   1. the data folder, locked so that two judges never share it;
 *   2. the sandbox, before any thread exists (it unshares the mount namespace);
 *   3. the database (migrations), the admin token, the recovery of interrupted judgements;
 *   4. HTTP, the workers, and the start-up import in a thread of its own (/healthz says 503
 *      "starting" until it is done);
 *   5. on SIGTERM or SIGINT: refuse new requests, cancel judgements between tests and put them
 *      back in the queue, end event streams, and exit 0. A watchdog exits at 9 s whatever is
 *      still running: what it cuts short was never recorded, and goes back to the queue at the
 *      next start.
 */
#define _GNU_SOURCE
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sweep.h"
#include "auth.h"
#include "fsutil.h"
#include "host.h"
#include "http.h"
#include "lang.h"
#include "metrics.h"
#include "pcache.h"
#include "queue.h"
#include "ratelimit.h"
#include "leases.h"
#include "nodes.h"
#include "problems.h"
#include "worker.h"

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(9);
    fprintf(stderr, "judged: still busy 9 s after the signal; exiting now (unfinished "
                    "judgements go back to the queue at the next start)\n");
    _exit(0);
}

static void *import_main(void *arg)
{
    struct server *s = arg;
    time_t start = time(NULL);
    problems_import_all(s, s->cfg.problems);
    if (!s->stopping) {
        fprintf(stderr, "judged: start-up import done: %d problem folders in %ld s\n",
                (int)s->import_done, (long)(time(NULL) - start));
        s->ready = true;
    }
    return NULL;
}

/*
 * The retention of anonymous submissions (--anon-retention): a sweep deletes them, with their
 * sources, once they are older than the period. It looks often enough that none outlives the
 * period by more than a quarter of it (and at least once a minute).
 */
static void *retention_main(void *arg)
{
    struct server *s = arg;
    unsigned long period_ms = s->cfg.anon_retention_s * 1000ul;
    unsigned long every_ms = period_ms / 4 < 60000 ? period_ms / 4 : 60000;
    if (every_ms < 100)
        every_ms = 100;
    while (!s->stopping) {
        long deleted = 0;
        if (queue_delete_anonymous(s, db_now_ms() - (int64_t)period_ms, &deleted))
            fprintf(stderr, "judged: the retention sweep could not delete old anonymous "
                            "submissions (database error)\n");
        else if (deleted)
            fprintf(stderr, "judged: retention: %ld anonymous submission%s deleted\n", deleted,
                    deleted == 1 ? "" : "s");
        for (unsigned long t = 0; t < every_ms && !s->stopping; t += 100)
            usleep(100000);
    }
    return NULL;
}

static char *make_dir(const char *parent, const char *name)
{
    char *d = fs_join(parent, name);
    if (d && fs_mkdirs(d, 0700)) {
        free(d);
        return NULL;
    }
    return d;
}

/* The folder `dir` is hidden from the sandbox: 0, or -1 after saying why. */
static int check_hidden(const char *const *paths, const char *what, const char *dir)
{
    char why[PATH_MAX * 3];
    if (!host_check_hidden(paths, what, dir, why, sizeof(why)))
        return 0;
    fprintf(stderr, "judged: %s\n", why);
    return -1;
}

/*
 * Step 1: the data folder, hidden from the sandbox (checked before anything is made or written
 * there), root's alone, locked so that two judges never share it, with its parts made. 0 or -1.
 */
static int open_data(struct server *s, const char *const *paths)
{
    const struct serve_config *cfg = &s->cfg;
    if (check_hidden(paths, "the data folder (--data)", cfg->data) ||
        (cfg->problems && check_hidden(paths, "the problems folder (--problems)", cfg->problems)))
        return -1;
    if (fs_mkdirs(cfg->data, 0700)) {
        fprintf(stderr, "judged: cannot create the data folder '%s': %s\n", cfg->data,
                strerror(errno));
        return -1;
    }
    /* Hidden tests and token hashes: root's alone, however the folder was made (a volume's
     * root, say, comes 0755). */
    struct stat dst;
    if (stat(cfg->data, &dst) == 0 && (dst.st_mode & 077) && chmod(cfg->data, 0700) < 0)
        fprintf(stderr, "judged: cannot make the data folder '%s' mode 0700: %s\n", cfg->data,
                strerror(errno));
    char *lockpath = fs_join(cfg->data, "judged.lock");
    int lockfd = lockpath ? open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;
    free(lockpath);
    if (lockfd < 0 || flock(lockfd, LOCK_EX | LOCK_NB) < 0) {
        fprintf(stderr, "judged: the data folder '%s' is in use by another judged\n", cfg->data);
        return -1;
    }
    s->data_dir = strdup(cfg->data);
    /* Nodes sharing a PostgreSQL store share one packages folder (--packages, docs/deploy.md). */
    s->packages_dir = cfg->packages
                          ? (fs_mkdirs(cfg->packages, 0700) ? NULL : strdup(cfg->packages))
                          : make_dir(cfg->data, "packages");
    s->cache_dir = make_dir(cfg->data, "cache");
    s->tmp_dir = make_dir(cfg->data, "tmp");
    if (!s->packages_dir || !s->cache_dir || !s->tmp_dir) {
        fprintf(stderr, "judged: cannot create folders in '%s'\n", cfg->data);
        return -1;
    }
    /* Leftovers of a crash: half-copied imports, uploads, sources. */
    fs_remove_tree(s->tmp_dir);
    fs_mkdirs(s->tmp_dir, 0700);
    return 0;
}

/* Step 2, before any thread: a range of sandbox uids and the sandbox, in `workdir`. 0 or -1. */
static int open_sandbox(struct server *s, const char **paths, const char *workdir)
{
    const struct serve_config *cfg = &s->cfg;
    unsigned uid_base = 0;
    int uidfd = host_claim_uid_range(&uid_base);
    if (uidfd < 0) {
        fprintf(stderr, "judged: no free range of sandbox uids: %s\n", strerror(-uidfd));
        return -1;
    }
    struct sandbox_config sc = {.workdir = workdir,
                                .slots = cfg->workers + cfg->interactive + cfg->import_slots,
                                .uid_base = uid_base,
                                .cgroup = cfg->cgroup,
                                .paths = paths,
                                /* interactive validators, as long as uids last */
                                .peers =
                                    cfg->workers + cfg->interactive + cfg->import_slots <= 128};
    int rc = sandbox_open(&sc, &s->sb);
    if (rc) {
        fprintf(stderr, "judged: cannot set up the sandbox: %s%s\n", strerror(-rc),
                rc == -EPERM ? " (it needs root)" : "");
        return -1;
    }
    fprintf(stderr, "judged: sandbox ready, memory limits by %s, %d slots, uids from %u\n",
            sandbox_mode(s->sb), sc.slots, uid_base);
    return 0;
}

/* Step 3: the database, the admin token, the recovery of interrupted judgements, the shared
 * state. 0 or -1. */
static int open_state(struct server *s)
{
    const struct serve_config *cfg = &s->cfg;
    char *dbpath = cfg->store ? NULL : fs_join(cfg->data, "judged.db");
    char err[512];
    int rc = cfg->store ? db_open_url(cfg->store, &s->db, err, sizeof(err))
             : dbpath   ? db_open(dbpath, &s->db, err, sizeof(err))
                        : -ENOMEM;
    free(dbpath);
    if (rc) {
        fprintf(stderr, "judged: database: %s\n", err);
        return -1;
    }
    fprintf(stderr, "judged: store %s (%s), packages in '%s'\n", db_describe(s->db),
            db_kind_of(s->db) == DB_POSTGRES ? "postgresql" : "sqlite", s->packages_dir);
    rc = auth_open(s->db, getenv("JUDGE_ADMIN_TOKEN"), stderr, &s->auth);
    if (rc) {
        fprintf(stderr, "judged: cannot set up the admin token: %s\n", strerror(-rc));
        return -1;
    }
    long recovered = 0;
    if (queue_recover(s, &recovered)) {
        fprintf(stderr, "judged: cannot recover the queue\n");
        return -1;
    }
    if (recovered)
        fprintf(stderr, "judged: %ld interrupted judgement%s put back in the queue\n", recovered,
                recovered == 1 ? "" : "s");
    problems_gc(s);
    s->queue = queue_new();
    s->pcache = pcache_new();
    s->metrics = metrics_new();
    s->ratelimit = ratelimit_new();
    /* Slots: the workers' first, then the Run button's, then the imports'. */
    s->slots = slot_pool_new(cfg->workers, cfg->interactive, cfg->runs_per_client, true);
    /* Imports are for tokens only: no reserve, the start-up import uses every slot. */
    s->import_slots = slot_pool_new(cfg->workers + cfg->interactive, cfg->import_slots, 0, false);
    if (!s->queue || !s->pcache || !s->metrics || !s->ratelimit || !s->slots || !s->import_slots)
        return -1;
    /* The nodes of a PostgreSQL store count each client's requests together. */
    if (db_kind_of(s->db) == DB_POSTGRES)
        ratelimit_share(s->ratelimit, s->db);
    /* Other nodes on a PostgreSQL store: their new submissions and results wake ours. */
    rc = nodes_listen(s);
    if (rc) {
        fprintf(stderr, "judged: cannot listen to the other nodes: %s\n", strerror(-rc));
        return -1;
    }
    return 0;
}

/* The threads step 4 starts, for step 5 to stop. */
struct running {
    struct MHD_Daemon *http;
    pthread_t retention, importer;
    bool retaining, importing;
};

/* Step 4: HTTP (the port written to cfg.port_file), the workers, the sweeps, the import. */
static int start_threads(struct server *s, struct running *run)
{
    const struct serve_config *cfg = &s->cfg;
    if (sweep_start(s)) {
        fprintf(stderr, "judged: cannot start the assessment thread\n");
        return -1;
    }
    unsigned port = 0;
    if (http_start(s, &run->http, &port)) {
        fprintf(stderr, "judged: cannot listen on '%s' (HOST:PORT, the port free)\n", cfg->listen);
        return -1;
    }
    char host[256];
    snprintf(host, sizeof(host), "%s", cfg->listen);
    *strrchr(host, ':') = '\0';
    fprintf(stderr, "judged: listening on http://%s:%u/ with %d worker%s\n", host, port,
            cfg->workers, cfg->workers == 1 ? "" : "s");
    if (cfg->port_file) {
        char p[16];
        int n = snprintf(p, sizeof(p), "%u\n", port);
        fs_write(cfg->port_file, p, (size_t)n, 0644);
    }
    if (workers_start(s)) {
        fprintf(stderr, "judged: cannot start the workers\n");
        return -1;
    }
    if (leases_start(s)) {
        fprintf(stderr, "judged: cannot start the sweep of remote workers' leases\n");
        return -1;
    }
    run->retaining =
        cfg->anon_retention_s && pthread_create(&run->retention, NULL, retention_main, s) == 0;
    if (cfg->anon_retention_s && !run->retaining) {
        fprintf(stderr, "judged: cannot start the retention sweep\n");
        return -1;
    }
    if (cfg->problems)
        run->importing = pthread_create(&run->importer, NULL, import_main, s) == 0;
    else
        s->ready = true;
    return 0;
}

/* Step 5: refuse new requests, cancel judgements (back in the queue), join every thread. */
static void stop_threads(struct server *s, struct running *run)
{
    s->stopping = 1;
    pthread_t dog;
    pthread_create(&dog, NULL, watchdog, NULL);
    http_quiesce(run->http);
    queue_wake_all(s);
    slot_pool_wake(s->slots);
    slot_pool_wake(s->import_slots);
    workers_join(s);
    leases_stop(s);
    sweep_stop(s);
    if (run->importing)
        pthread_join(run->importer, NULL);
    if (run->retaining)
        pthread_join(run->retention, NULL);
    http_stop(run->http);
}

/* Every thread is gone (exit 0): everything can be freed, so that LeakSanitizer runs over the
 * whole service in CI. */
static void free_state(struct server *s)
{
    pcache_free(s->pcache);
    problems_cache_clear();
    queue_free(s->queue);
    metrics_free(s->metrics);
    ratelimit_free(s->ratelimit);
    auth_close(s->auth);
    slot_pool_free(s->slots);
    slot_pool_free(s->import_slots);
    free(s->data_dir);
    free(s->packages_dir);
    free(s->cache_dir);
    free(s->tmp_dir);
}

int serve_main(const struct serve_config *cfg)
{
    static struct server srv;
    struct server *s = &srv;
    s->cfg = *cfg;
    int exit_status = 1;
    /* Signals are taken by sigwait below, so they are blocked before any thread exists (the
     * store's LISTEN thread starts with the state): a thread that left SIGTERM unblocked would
     * take it with the default action and end judged with status 143 mid-shutdown. Every
     * thread inherits the mask; the sandbox's zygotes clear it for the runs. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    char workdir[4096];
    snprintf(workdir, sizeof(workdir), "%s/judged-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    /* The sandbox shows the toolchains' folders: the data and the problems must not be there. */
    const char **paths = lang_sandbox_paths();
    if (!paths) {
        fprintf(stderr, "judged: out of memory\n");
        return 1;
    }
    int rc = open_data(s, paths);
    if (!rc)
        rc = open_sandbox(s, paths, workdir);
    free(paths);
    if (rc)
        return 1;
    if (open_state(s))
        goto out;
    struct running run = {0};
    if (start_threads(s, &run))
        goto out;
    int sig = 0;
    sigwait(&sigs, &sig);
    fprintf(stderr, "judged: %s: stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    stop_threads(s, &run);
    fprintf(stderr, "judged: stopped\n");
    exit_status = 0;
out:
    /* A failed start may leave threads; then the state is left to the exit. */
    db_listen_stop(s->db); /* its thread pokes the queue: stopped before the queue goes */
    if (exit_status == 0)
        free_state(s);
    db_close(s->db);
    sandbox_close(s->sb);
    fs_remove_tree(workdir);
    return exit_status;
}
