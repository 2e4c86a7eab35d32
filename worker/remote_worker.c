/*
 * `judged worker`: a judge on another machine that pulls submissions from a judged over HTTP, as
 * DOMjudge's judgehosts do. Theory of operation:
 *
 *   1. start-up, before any thread: the cache folder (locked: one worker per cache), a range of
 *      sandbox uids, the sandbox with one slot per --slots;
 *   2. one thread per slot loops: claim a job (a long poll: POST /api/v1/worker/claim?wait=10),
 *      get its problem ready (the package downloaded once per content hash, checked against the
 *      hash, unpacked in the cache, compiled parts prepared once per version), judge it in the
 *      slot with each step posted as progress, post the result;
 *   3. a heartbeat thread extends the lease of every job in hand. When the server says a lease is
 *      not current (409: it expired and the job went back to the queue), the judgement is
 *      cancelled at the next test and dropped: someone else judges it, and the result of a stale
 *      lease would be refused anyway;
 *   4. SIGTERM or SIGINT: no more claims, judgements are cancelled between tests and their jobs
 *      released (back in the queue at once), exit 0. A watchdog exits at 25 s whatever is left:
 *      what it cuts short goes back to the queue when its lease expires.
 *
 * A result that cannot be posted (the server restarting) is retried for about a minute while the
 * heartbeats keep the lease; the server gives leases a grace period when it starts again.
 */
#define _GNU_SOURCE
#include "remote_worker.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "host.h"
#include "judge.h"
#include "lang.h"
#include "lease_client.h"
#include "report.h"

#define CLAIM_WAIT_S    10
#define STOP_WATCHDOG_S 25
#define SLOTS_MAX       64

struct wconf {
    char server[1024]; /* the base URL, no trailing slash */
    char auth[256];    /* "Authorization: Bearer TOKEN" */
    int slots;
    const char *cache;
    enum cgroup_mode cgroup;
};

/* A job in hand: the heartbeat thread keeps its lease, and may find it lost. */
struct held {
    bool active;
    char lease[72];
    char id[40];
    unsigned beat_s;
    double next_beat;
    volatile int cancel; /* judge_opts.cancel: stopping, or the lease is lost */
    volatile int lost;   /* the server said the lease is not current */
};

struct prepared {
    struct prepared *next;
    int64_t version_id;
    struct problem *pr;
};

struct slot {
    int n;
    pthread_t thread;
    bool started;
    struct httpc c;
};

static struct {
    struct wconf conf;
    sandbox *sb;
    char packages[PATH_MAX], compiled[PATH_MAX], tmp[PATH_MAX];
    volatile int stopping;
    volatile int fatal; /* the server refused the token: exit 1 */
    volatile int beats_done;
    pthread_mutex_t lock;      /* held[] */
    struct held *held;         /* one per slot */
    pthread_mutex_t prep_lock; /* downloads and preparing: one at a time, like pcache.c */
    struct prepared *prepared;
} W = {.lock = PTHREAD_MUTEX_INITIALIZER, .prep_lock = PTHREAD_MUTEX_INITIALIZER};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleeps `ms`, or less when stopping (unless `always`). */
static void pause_ms(unsigned ms, bool always)
{
    for (unsigned t = 0; t < ms && (always || !W.stopping); t += 100) {
        struct timespec ts = {0, 100 * 1000000L};
        nanosleep(&ts, NULL);
    }
}

static bool hex64(const char *s)
{
    size_t n = strspn(s, "0123456789abcdef");
    return n == 64 && !s[n];
}

/*** Problems: packages by hash, prepared by version ***/

/*
 * The prepared problem of a job, downloading and preparing it the first time. A package found in
 * the cache from an earlier run is checked against its hash once per process.
 */
static int problem_get(struct slot *sl, const char *slug, int64_t version_id, const char *hash,
                       int64_t time_limit_ms, const struct problem **out, char *err, size_t errsize,
                       bool *transient)
{
    pthread_mutex_lock(&W.prep_lock);
    struct prepared *e = W.prepared;
    while (e && e->version_id != version_id)
        e = e->next;
    int rc = 0;
    if (e) {
        *out = e->pr;
        goto out;
    }
    if (!hex64(hash) || !pkg_slug_valid(slug)) {
        snprintf(err, errsize, "the job names no valid package (slug '%.64s', hash '%.64s')", slug,
                 hash);
        rc = -EINVAL;
        goto out;
    }
    char dir[PATH_MAX], cache[PATH_MAX], got[65];
    snprintf(dir, sizeof(dir), "%s/%s", W.packages, hash);
    snprintf(cache, sizeof(cache), "%s/%s", W.compiled, hash);
    if (fs_is_dir(dir) && (pkg_tree_hash(dir, got) || strcmp(got, hash))) {
        fprintf(stderr, "judged worker: cached package %s changed on disk; fetching it again\n",
                hash);
        fs_remove_tree(dir);
        fs_remove_tree(cache);
    }
    if (!fs_is_dir(dir)) {
        double t0 = now_s();
        rc = lease_fetch_package(&sl->c, hash, W.tmp, dir, err, errsize, transient);
        if (rc)
            goto out;
        fprintf(stderr, "judged worker: package %s (%s) fetched and checked in %.1f s\n", hash,
                slug, now_s() - t0);
    }
    struct pkg *p = NULL;
    struct diag errors = DIAG_INIT;
    struct problem *pr = NULL;
    rc = pkg_open(dir, slug, &p, &errors);
    if (!rc) {
        /* The limit verification derived is the one the version was accepted with (pcache.c). */
        p->time_limit = (double)time_limit_ms / 1000.0;
        rc = problem_prepare(&(struct judge_env){W.sb, sl->n}, p, cache, &pr, &errors);
    }
    if (rc)
        snprintf(err, errsize, "cannot prepare problem '%s' version %lld: %s", slug,
                 (long long)version_id, errors.n ? errors.items[0] : strerror(-rc));
    diag_release(&errors);
    if (!rc) {
        e = calloc(1, sizeof(*e));
        if (!e) {
            problem_free(pr);
            rc = -ENOMEM;
            goto out;
        }
        *e = (struct prepared){W.prepared, version_id, pr};
        W.prepared = e;
        *out = pr;
    }
out:
    pthread_mutex_unlock(&W.prep_lock);
    return rc;
}

/*** Judging a job ***/

struct progress {
    struct slot *sl;
    struct held *h;
    const struct problem *pr;
};

static void lease_lost(struct held *h)
{
    if (!h->lost)
        fprintf(stderr,
                "judged worker: submission %s: the lease is not current any more (it "
                "expired and went back to the queue); dropping the job\n",
                h->id);
    h->lost = 1;
    h->cancel = 1;
}

static void on_progress(void *ud, const struct judge_result *partial, size_t index)
{
    struct progress *p = ud;
    json_t *body;
    if (index == SIZE_MAX) {
        char *out = report_utf8_clean(partial->compile_output, REPORT_PROGRESS_OUTPUT_MAX);
        body = json_pack("{s:s, s:s}", "status", partial->verdict == V_CE ? "compiling" : "running",
                         "compile_output", out ? out : "");
        free(out);
    } else {
        body = json_pack(
            "{s:o}", "test",
            report_wire_test(p->pr, &partial->tests[partial->ntests - 1], partial->ntests - 1));
    }
    /* Progress is for people watching: a failure costs nothing but a live update. */
    if (body && lease_post(&p->sl->c, p->h->lease, "progress", body, 10) == 409)
        lease_lost(p->h);
}

/* Posts the result until the server takes or refuses it; true when it was recorded. */
static bool post_result(struct slot *sl, struct held *h, json_t *body)
{
    unsigned wait_ms = 1000;
    for (int tries = 0; tries < (W.stopping ? 3 : 8); tries++) {
        long st = lease_post(&sl->c, h->lease, "result", json_incref(body), 60);
        if (st == 200) {
            json_decref(body);
            return true;
        }
        if (st == 409) {
            lease_lost(h);
            break;
        }
        if (st >= 400 && st < 500 && st != 408 && st != 429)
            break; /* the server will not take it: retrying changes nothing */
        if (st < 0)
            fprintf(stderr,
                    "judged worker: submission %s: cannot post the result (%s); "
                    "retrying\n",
                    h->id, sl->c.err);
        pause_ms(wait_ms, true);
        wait_ms = wait_ms * 2 > 10000 ? 10000 : wait_ms * 2;
    }
    json_decref(body);
    return false;
}

static void release(struct slot *sl, struct held *h)
{
    for (int tries = 0; tries < 3; tries++) {
        long st = lease_post(&sl->c, h->lease, "release", NULL, 10);
        if (st == 204 || st == 409)
            return;
        pause_ms(500, true);
    }
}

static void run_job(struct slot *sl, json_t *job)
{
    const char *id = NULL, *lease = NULL, *language = NULL, *source = NULL, *slug = NULL,
               *hash = NULL;
    json_int_t version_id = 0, time_limit_ms = 0, beat_s = 10;
    if (json_unpack(job, "{s:s, s:s, s?I, s:s, s:s, s:{s:s, s:I, s:s, s:I}}", "submission", &id,
                    "lease_id", &lease, "heartbeat_s", &beat_s, "language", &language, "source",
                    &source, "problem", "slug", &slug, "version_id", &version_id, "hash", &hash,
                    "time_limit_ms", &time_limit_ms)) {
        fprintf(stderr, "judged worker: the server sent a job this worker cannot read\n");
        return;
    }
    struct held *h = &W.held[sl->n];
    pthread_mutex_lock(&W.lock);
    *h = (struct held){.active = true,
                       .beat_s = beat_s > 0 ? (unsigned)beat_s : 10,
                       .next_beat = now_s() + (beat_s > 0 ? (double)beat_s : 10)};
    snprintf(h->lease, sizeof(h->lease), "%s", lease);
    snprintf(h->id, sizeof(h->id), "%s", id);
    pthread_mutex_unlock(&W.lock);

    double start = now_s();
    struct judge_result res;
    memset(&res, 0, sizeof(res));
    char err[512] = "", dir[PATH_MAX], path[PATH_MAX];
    const struct problem *pr = NULL;
    const struct lang *lang = lang_by_id(language);
    bool transient = false;
    int rc = 0;
    if (!lang || !lang->submissions) {
        snprintf(err, sizeof(err), "unknown language '%.16s'", language);
        rc = -EINVAL;
    }
    if (!rc && W.stopping)
        rc = -ECANCELED;
    if (!rc)
        rc = problem_get(sl, slug, version_id, hash, time_limit_ms, &pr, err, sizeof(err),
                         &transient);
    snprintf(dir, sizeof(dir), "%s/slot%d", W.tmp, sl->n);
    if (!rc)
        rc = lang_write_source(dir, language, source, path, sizeof(path));
    if (!rc) {
        const char *sources[] = {path};
        struct progress prog = {sl, h, pr};
        struct judge_opts opts = {.progress = on_progress, .ud = &prog, .cancel = &h->cancel};
        rc = judge_submission(&(struct judge_env){W.sb, sl->n}, pr, lang, sources, 1, &opts, &res);
    }
    if (h->lost) {
        judge_result_release(&res);
    } else if (rc == -ECANCELED || (rc && transient)) {
        /* Stopping, or the server could not give the package now: someone judges it later. */
        judge_result_release(&res);
        release(sl, h);
        fprintf(stderr, "judged worker: submission %s released: %s\n", id,
                rc == -ECANCELED ? "stopping" : err);
        if (transient)
            pause_ms(2000, false);
    } else {
        if (rc) {
            /* The judge could not run at all: an IE, recorded like any verdict (worker.c). */
            judge_result_release(&res);
            memset(&res, 0, sizeof(res));
            res.verdict = V_IE;
            res.error = strdup(err[0] ? err : strerror(-rc));
        }
        if (res.verdict == V_IE)
            fprintf(stderr, "judged worker: submission %s: internal error: %s\n", id,
                    res.error ? res.error : "");
        json_t *body = report_wire_result(pr, &res);
        if (body && post_result(sl, h, body))
            fprintf(stderr, "judged worker: slot %d: submission %s: %s in %.2f s\n", sl->n, id,
                    verdict_code(res.verdict), now_s() - start);
        judge_result_release(&res);
    }
    sandbox_clean(W.sb, sl->n, true);
    pthread_mutex_lock(&W.lock);
    h->active = false;
    pthread_mutex_unlock(&W.lock);
}

static void *slot_main(void *arg)
{
    struct slot *sl = arg;
    unsigned backoff_ms = 1000;
    bool failing = false;
    while (!W.stopping) {
        json_t *job = NULL;
        int rc = lease_claim(&sl->c, CLAIM_WAIT_S, &job);
        if (!rc || rc == -ENOENT) {
            if (failing)
                fprintf(stderr, "judged worker: slot %d: the server answers again\n", sl->n);
            failing = false;
            backoff_ms = 1000;
        }
        if (rc == -EACCES) {
            fprintf(stderr, "judged worker: the server refused the token (%s); exiting\n",
                    sl->c.err);
            W.fatal = 1;
            kill(getpid(), SIGTERM);
            break;
        }
        if (rc && rc != -ENOENT) {
            if (!W.stopping && !failing)
                fprintf(stderr, "judged worker: slot %d: cannot claim from %s: %s; retrying\n",
                        sl->n, W.conf.server, sl->c.err);
            failing = true;
            pause_ms(backoff_ms, false);
            backoff_ms = backoff_ms * 2 > 30000 ? 30000 : backoff_ms * 2;
            continue;
        }
        if (!rc) {
            run_job(sl, job);
            json_decref(job);
        }
    }
    return NULL;
}

/* Extends the leases of the jobs in hand, each every heartbeat_s. */
static void *beat_main(void *arg)
{
    struct httpc c;
    if (httpc_init(&c, W.conf.server, W.conf.auth, NULL))
        return NULL;
    while (!W.beats_done) {
        for (int i = 0; i < W.conf.slots; i++) {
            char lease[72];
            pthread_mutex_lock(&W.lock);
            struct held *h = &W.held[i];
            bool due = h->active && !h->lost && now_s() >= h->next_beat;
            if (due)
                snprintf(lease, sizeof(lease), "%s", h->lease);
            pthread_mutex_unlock(&W.lock);
            if (!due)
                continue;
            long st = lease_post(&c, lease, "heartbeat", NULL, 10);
            pthread_mutex_lock(&W.lock);
            if (h->active && !strcmp(h->lease, lease)) {
                if (st == 409)
                    lease_lost(h);
                /* A failed heartbeat is tried again in a second; the lease has two more. */
                h->next_beat = now_s() + (st == 200 ? (double)h->beat_s : 1.0);
            }
            pthread_mutex_unlock(&W.lock);
        }
        pause_ms(200, true);
    }
    httpc_release(&c);
    return NULL;
}

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(STOP_WATCHDOG_S);
    fprintf(stderr,
            "judged worker: still busy %d s after the signal; exiting now (the jobs left "
            "go back to the queue when their leases expire)\n",
            STOP_WATCHDOG_S);
    _exit(W.fatal ? 1 : 0);
}

/*** Start-up ***/

static void usage(FILE *f)
{
    fputs("usage: judged worker --server URL [--token TOKEN] [--slots N] [--cache DIR]\n"
          "                     [--cgroup auto|v2|v1|none]\n"
          "Judges submissions of the judged at URL. The token is a worker token (POST\n"
          "/api/v1/workers/tokens as the admin); without --token it is read from the\n"
          "JUDGED_WORKER_TOKEN environment variable. --slots: judgements at once (default: the\n"
          "CPUs). --cache: downloaded and compiled problems (default /var/cache/judged-worker).\n",
          f);
}

static int parse_options(int argc, char **argv, struct wconf *o)
{
    static const struct option longopts[] = {
        {"server", required_argument, NULL, 's'},
        {"token", required_argument, NULL, 't'},
        {"slots", required_argument, NULL, 'n'},
        {"cache", required_argument, NULL, 'd'},
        {"cgroup", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    static const struct {
        const char *name;
        enum cgroup_mode mode;
    } modes[] = {
        {"auto", CGROUP_AUTO}, {"v2", CGROUP_V2}, {"v1", CGROUP_V1}, {"none", CGROUP_NONE}};
    int ncpu = sandbox_cpus_available();
    const char *server = NULL, *token = getenv("JUDGED_WORKER_TOKEN");
    o->slots = ncpu > SLOTS_MAX ? SLOTS_MAX : ncpu;
    o->cache = "/var/cache/judged-worker";
    o->cgroup = CGROUP_AUTO;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        char *end;
        switch (c) {
        case 's':
            server = optarg;
            break;
        case 't':
            token = optarg;
            break;
        case 'n':
            o->slots = (int)strtol(optarg, &end, 10);
            if (!*optarg || *end || o->slots < 1 || o->slots > SLOTS_MAX) {
                fprintf(stderr, "judged worker: --slots takes 1 to %d\n", SLOTS_MAX);
                return 2;
            }
            break;
        case 'd':
            o->cache = optarg;
            break;
        case 'c': {
            size_t i = 0;
            while (i < sizeof(modes) / sizeof(modes[0]) && strcmp(optarg, modes[i].name))
                i++;
            if (i == sizeof(modes) / sizeof(modes[0])) {
                fprintf(stderr, "judged worker: --cgroup takes auto, v2, v1 or none\n");
                return 2;
            }
            o->cgroup = modes[i].mode;
            break;
        }
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "judged worker: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    if (!server || (strncmp(server, "http://", 7) && strncmp(server, "https://", 8))) {
        fprintf(stderr, "judged worker: --server takes the judged's URL (http://HOST:PORT)\n");
        usage(stderr);
        return 2;
    }
    if (!token || !*token || strlen(token) > 200 || strpbrk(token, "\r\n ")) {
        fprintf(stderr, "judged worker: a worker token is needed (--token, or the "
                        "JUDGED_WORKER_TOKEN environment variable)\n");
        return 2;
    }
    snprintf(o->server, sizeof(o->server), "%s", server);
    size_t n = strlen(o->server);
    while (n && o->server[n - 1] == '/')
        o->server[--n] = '\0';
    snprintf(o->auth, sizeof(o->auth), "Authorization: Bearer %s", token);
    return -1;
}

/* The cache folder: locked so that two workers never share it; its parts made, tmp/ emptied. */
static int open_cache(const char *cache)
{
    char lockpath[PATH_MAX];
    snprintf(lockpath, sizeof(lockpath), "%s/worker.lock", cache);
    snprintf(W.packages, sizeof(W.packages), "%s/packages", cache);
    snprintf(W.compiled, sizeof(W.compiled), "%s/compiled", cache);
    snprintf(W.tmp, sizeof(W.tmp), "%s/tmp", cache);
    if (fs_mkdirs(cache, 0700)) {
        fprintf(stderr, "judged worker: cannot create the cache folder '%s': %s\n", cache,
                strerror(errno));
        return -1;
    }
    int fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) < 0) {
        fprintf(stderr, "judged worker: the cache folder '%s' is in use by another worker\n",
                cache);
        return -1;
    }
    fs_remove_tree(W.tmp);
    if (fs_mkdirs(W.packages, 0700) || fs_mkdirs(W.compiled, 0700) || fs_mkdirs(W.tmp, 0700)) {
        fprintf(stderr, "judged worker: cannot create folders in '%s'\n", cache);
        return -1;
    }
    return fd; /* held until exit */
}

/*
 * Start-up before any thread: the cache hidden from the sandbox and locked, a range of sandbox
 * uids, and the sandbox in `workdir` (it moves the process into a mount namespace of its own).
 * 0, or -1 after saying why.
 */
static int open_sandbox(const char *workdir)
{
    /* The cache holds packages, secret tests included: never where the sandbox looks. */
    const char **paths = lang_sandbox_paths();
    if (!paths) {
        fprintf(stderr, "judged worker: out of memory\n");
        return -1;
    }
    int rc = -1;
    char why[PATH_MAX * 3];
    unsigned uid_base = 0;
    if (host_check_hidden(paths, "the worker's cache (--cache)", W.conf.cache, why, sizeof(why))) {
        fprintf(stderr, "judged worker: %s\n", why);
        goto out;
    }
    if (open_cache(W.conf.cache) < 0)
        goto out;
    int uidfd = host_claim_uid_range(&uid_base);
    if (uidfd < 0) {
        fprintf(stderr, "judged worker: no free range of sandbox uids: %s\n", strerror(-uidfd));
        goto out;
    }
    struct sandbox_config sc = {.workdir = workdir,
                                .slots = W.conf.slots,
                                .uid_base = uid_base,
                                .cgroup = W.conf.cgroup,
                                .paths = paths,
                                .peers = true}; /* interactive validators */
    int err = sandbox_open(&sc, &W.sb);
    if (err) {
        fprintf(stderr, "judged worker: cannot set up the sandbox: %s%s\n", strerror(-err),
                err == -EPERM ? " (it needs root)" : "");
        goto out;
    }
    fprintf(stderr,
            "judged worker: sandbox ready, memory limits by %s, %d slots, uids from %u; judging "
            "for %s\n",
            sandbox_mode(W.sb), W.conf.slots, uid_base, W.conf.server);
    rc = 0;
out:
    free(paths);
    return rc;
}

/*
 * The slots' threads and the heartbeat thread, until SIGTERM or SIGINT (in `sigs`, blocked);
 * then the jobs in hand are cancelled and every thread joined. The exit status.
 */
static int run_threads(struct slot *slots, sigset_t *sigs)
{
    pthread_t beat;
    bool beating = pthread_create(&beat, NULL, beat_main, NULL) == 0;
    for (int i = 0; beating && i < W.conf.slots; i++) {
        slots[i].n = i;
        if (httpc_init(&slots[i].c, W.conf.server, W.conf.auth, &W.stopping) ||
            pthread_create(&slots[i].thread, NULL, slot_main, &slots[i]))
            break;
        slots[i].started = true;
    }
    if (!beating || !slots[W.conf.slots - 1].started) {
        fprintf(stderr, "judged worker: cannot start the threads\n");
        W.fatal = 1;
        kill(getpid(), SIGTERM);
    }
    int sig = 0;
    sigwait(sigs, &sig);
    if (!W.fatal)
        fprintf(stderr, "judged worker: %s: stopping; jobs in hand are cancelled and released\n",
                sig == SIGTERM ? "SIGTERM" : "SIGINT");
    W.stopping = 1;
    pthread_mutex_lock(&W.lock);
    for (int i = 0; i < W.conf.slots; i++)
        W.held[i].cancel = 1;
    pthread_mutex_unlock(&W.lock);
    pthread_t dog;
    pthread_create(&dog, NULL, watchdog, NULL);
    for (int i = 0; i < W.conf.slots; i++)
        if (slots[i].started)
            pthread_join(slots[i].thread, NULL);
    W.beats_done = 1;
    if (beating)
        pthread_join(beat, NULL);
    fprintf(stderr, "judged worker: stopped\n");
    return W.fatal ? 1 : 0;
}

int remote_worker_main(int argc, char **argv)
{
    int status = parse_options(argc, argv, &W.conf);
    if (status >= 0)
        return status;
    char workdir[PATH_MAX];
    snprintf(workdir, sizeof(workdir), "%s/judged-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    if (open_sandbox(workdir))
        return 1;
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    status = 1;
    struct slot *slots = calloc((size_t)W.conf.slots, sizeof(*slots));
    W.held = calloc((size_t)W.conf.slots, sizeof(*W.held));
    if (slots && W.held)
        status = run_threads(slots, &sigs);
    for (int i = 0; slots && i < W.conf.slots; i++)
        httpc_release(&slots[i].c);
    while (W.prepared) {
        struct prepared *e = W.prepared;
        W.prepared = e->next;
        problem_free(e->pr);
        free(e);
    }
    free(slots);
    free(W.held);
    curl_global_cleanup();
    sandbox_close(W.sb);
    fs_remove_tree(workdir);
    return status;
}
