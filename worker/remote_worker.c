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

#include <curl/curl.h>
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
#include "judge.h"
#include "lang.h"
#include "server.h"
#include "store.h"
#include "strbuf.h"
#include "unpack.h"
#include "worker.h"

#define CLAIM_WAIT_S     10
#define ANSWER_MAX       (4u << 20)   /* a claim's JSON: its source is at most 256 KiB */
#define PACKAGE_MAX      (1ull << 30) /* a downloaded package archive */
#define OUTPUT_SENT_MAX  (256u << 10) /* compiler diagnostics sent with a result */
#define MESSAGE_SENT_MAX 255
#define STOP_WATCHDOG_S  25
#define SLOTS_MAX        64

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

struct client {
    CURL *curl;
    char err[CURL_ERROR_SIZE];
};

struct slot {
    int n;
    pthread_t thread;
    bool started;
    struct client c;
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

/*
 * A copy of `s` that JSON can carry: invalid UTF-8 bytes become '?', and it is cut at `max`
 * bytes on a character boundary. Compiler diagnostics and checker messages quote the program.
 */
static char *utf8_clean(const char *s, size_t max)
{
    size_t n = s ? strlen(s) : 0, o = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        const unsigned char *p = (const unsigned char *)s + i;
        size_t len = p[0] < 0x80             ? 1
                     : (p[0] & 0xe0) == 0xc0 ? 2
                     : (p[0] & 0xf0) == 0xe0 ? 3
                     : (p[0] & 0xf8) == 0xf0 ? 4
                                             : 0;
        bool ok = len && i + len <= n && !(len == 2 && p[0] < 0xc2) && !(len == 4 && p[0] > 0xf4);
        for (size_t k = 1; ok && k < len; k++)
            ok = (p[k] & 0xc0) == 0x80;
        /* No overlong forms, no surrogates, nothing past U+10FFFF: what jansson accepts. */
        if (ok && len == 3)
            ok = !(p[0] == 0xe0 && p[1] < 0xa0) && !(p[0] == 0xed && p[1] >= 0xa0);
        if (ok && len == 4)
            ok = !(p[0] == 0xf0 && p[1] < 0x90) && !(p[0] == 0xf4 && p[1] >= 0x90);
        if (!ok)
            len = 1;
        if (o + len > max)
            break;
        if (ok) {
            memcpy(out + o, p, len);
        } else {
            out[o] = '?';
        }
        o += len;
        i += len;
    }
    out[o] = '\0';
    return out;
}

/*** HTTP ***/

struct answer {
    long status;
    struct strbuf body;
};

static size_t to_strbuf(char *p, size_t size, size_t n, void *ud)
{
    /* Past the cap: a short count makes curl fail the transfer. */
    return strbuf_add(ud, p, size * n) ? 0 : size * n;
}

static int abort_when_stopping(void *ud, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d)
{
    return W.stopping ? 1 : 0;
}

static int client_init(struct client *c)
{
    c->curl = curl_easy_init();
    return c->curl ? 0 : -ENOMEM;
}

static void client_release(struct client *c)
{
    if (c->curl)
        curl_easy_cleanup(c->curl);
    c->curl = NULL;
}

/*
 * One request to the server: `method` (GET, POST) of `path` with the JSON body `json` or none.
 * The answer goes into `a` (release its body), or into `file` when given. Returns 0 when an answer
 * came (any status), -EIO when none did (c->err says why).
 */
static int call(struct client *c, const char *method, const char *path, const char *json,
                long timeout_s, bool abort_on_stop, struct answer *a, FILE *file)
{
    char url[2048];
    snprintf(url, sizeof(url), "%s%s", W.conf.server, path);
    CURL *h = c->curl;
    curl_easy_reset(h); /* keeps the connection for the next request */
    struct curl_slist *hdr = curl_slist_append(NULL, W.conf.auth);
    if (json)
        hdr = curl_slist_append(hdr, "Content-Type: application/json");
    hdr = curl_slist_append(hdr, "Expect:");
    c->err[0] = '\0';
    strbuf_init(&a->body, ANSWER_MAX);
    a->status = 0;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout_s);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->err);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "judged-worker");
    if (!strcmp(method, "POST")) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, json ? json : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)(json ? strlen(json) : 0));
    }
    if (file) {
        curl_easy_setopt(h, CURLOPT_WRITEDATA, file);
        curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)PACKAGE_MAX);
    } else {
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_strbuf);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &a->body);
    }
    if (abort_on_stop) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abort_when_stopping);
    }
    CURLcode rc = curl_easy_perform(h);
    curl_slist_free_all(hdr);
    if (rc != CURLE_OK) {
        if (!c->err[0])
            snprintf(c->err, sizeof(c->err), "%s", curl_easy_strerror(rc));
        strbuf_release(&a->body);
        return -EIO;
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &a->status);
    return 0;
}

/* What the server said was wrong (problem+json "detail"), for the log. */
static void detail_of(const struct answer *a, char *out, size_t size)
{
    json_t *j = json_loadb(a->body.buf ? a->body.buf : "", a->body.len, 0, NULL);
    const char *d = json_string_value(json_object_get(j, "detail"));
    snprintf(out, size, "%s", d ? d : "no detail");
    json_decref(j);
}

/* POSTs `body` (stolen) to /api/v1/worker/jobs/LEASE/WHAT; the status, or -EIO. */
static long post_job(struct client *c, const char *lease, const char *what, json_t *body,
                     long timeout_s)
{
    char path[256];
    snprintf(path, sizeof(path), "/api/v1/worker/jobs/%s/%s", lease, what);
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    json_decref(body);
    if (body && !text)
        return -ENOMEM;
    struct answer a;
    int rc = call(c, "POST", path, text, timeout_s, false, &a, NULL);
    free(text);
    if (rc)
        return rc;
    if (a.status >= 400 && a.status != 409) {
        char d[256];
        detail_of(&a, d, sizeof(d));
        fprintf(stderr, "judged worker: %s of lease %s: %ld: %s\n", what, lease, a.status, d);
    }
    strbuf_release(&a.body);
    return a.status;
}

/*** Problems: packages by hash, prepared by version ***/

/* Downloads, unpacks and checks package `hash` into folder `dir`. *transient: worth a retry. */
static int fetch_package(struct client *c, const char *hash, const char *dir, char *err,
                         size_t errsize, bool *transient)
{
    char archive[PATH_MAX], dest[PATH_MAX], path[128], got[65];
    snprintf(archive, sizeof(archive), "%s/%s.tar.gz", W.tmp, hash);
    snprintf(dest, sizeof(dest), "%s/%s.d", W.tmp, hash);
    snprintf(path, sizeof(path), "/api/v1/worker/packages/%s", hash);
    FILE *f = fopen(archive, "we");
    if (!f) {
        int e = errno;
        snprintf(err, errsize, "cannot write '%s': %s", archive, strerror(e));
        *transient = true;
        return -e;
    }
    struct answer a;
    int rc = call(c, "GET", path, NULL, 600, true, &a, f);
    if (fclose(f) && !rc)
        rc = -EIO;
    if (rc || a.status != 200) {
        if (rc)
            snprintf(err, errsize, "cannot download package %s: %s", hash, c->err);
        else
            snprintf(err, errsize, "cannot download package %s: status %ld", hash, a.status);
        *transient = rc || a.status >= 500 || a.status == 429;
        unlink(archive);
        return rc ? rc : -EIO;
    }
    fs_remove_tree(dest);
    /* The server's own archive, checked by hash below: caps, but no bomb ratio (test data of
     * one repeated line packs very well). */
    struct unpack_limits lim = {
        .entry_bytes = PKG_MAX_FILE_BYTES,
        .total_bytes = 4ull << 30,
        .entries = 2 * PKG_MAX_FILES,
        .ratio = 1u << 30,
        .bomb_floor = 4ull << 30,
    };
    struct diag errors = DIAG_INIT;
    rc = unpack_archive(archive, dest, hash, &lim, &errors);
    unlink(archive);
    if (rc) {
        snprintf(err, errsize, "cannot unpack package %s: %s", hash,
                 errors.n ? errors.items[0] : strerror(-rc));
        *transient = rc == -ENOSPC || rc == -EDQUOT; /* this machine's disk: try again later */
        diag_release(&errors);
        fs_remove_tree(dest);
        return rc;
    }
    diag_release(&errors);
    rc = store_tree_hash(dest, got);
    if (!rc && strcmp(got, hash)) {
        snprintf(err, errsize, "package %s: what was downloaded hashes to %s", hash, got);
        rc = -EBADMSG;
    } else if (rc) {
        snprintf(err, errsize, "cannot hash package %s: %s", hash, strerror(-rc));
    }
    if (!rc && rename(dest, dir) < 0)
        rc = -errno;
    if (rc)
        fs_remove_tree(dest);
    return rc;
}

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
    if (fs_is_dir(dir) && (store_tree_hash(dir, got) || strcmp(got, hash))) {
        fprintf(stderr, "judged worker: cached package %s changed on disk; fetching it again\n",
                hash);
        fs_remove_tree(dir);
        fs_remove_tree(cache);
    }
    if (!fs_is_dir(dir)) {
        double t0 = now_s();
        rc = fetch_package(&sl->c, hash, dir, err, errsize, transient);
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

static json_t *test_json(const struct problem *pr, const struct test_result *t, size_t index)
{
    const struct pkg *p = pr->pkg;
    char *name = utf8_clean(t->test->name, 512);
    char *group = utf8_clean(p->groups[t->test->group].name, 128);
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:b, s:s, s:I, s:I, s:I}", "index", (json_int_t)index, "name",
                  name ? name : "", "group", group ? group : "", "sample", t->test->sample,
                  "verdict", verdict_code(t->verdict), "time_ms", (json_int_t)t->time_ms, "wall_ms",
                  (json_int_t)t->wall_ms, "memory_kb", (json_int_t)t->memory_kb);
    if (t->message[0]) {
        char *m = utf8_clean(t->message, MESSAGE_SENT_MAX);
        if (m && *m)
            json_object_set_new(o, "message", json_string(m));
        free(m);
    }
    free(name);
    free(group);
    return o;
}

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
        char *out = utf8_clean(partial->compile_output, 64u << 10);
        body = json_pack("{s:s, s:s}", "status", partial->verdict == V_CE ? "compiling" : "running",
                         "compile_output", out ? out : "");
        free(out);
    } else {
        body =
            json_pack("{s:o}", "test",
                      test_json(p->pr, &partial->tests[partial->ntests - 1], partial->ntests - 1));
    }
    /* Progress is for people watching: a failure costs nothing but a live update. */
    if (body && post_job(&p->sl->c, p->h->lease, "progress", body, 10) == 409)
        lease_lost(p->h);
}

static json_t *result_json(const struct problem *pr, const struct judge_result *res)
{
    char *out = utf8_clean(res->compile_output, OUTPUT_SENT_MAX);
    json_t *tests = json_array();
    for (size_t i = 0; pr && i < res->ntests; i++)
        json_array_append_new(tests, test_json(pr, &res->tests[i], i));
    json_t *o = json_pack(
        "{s:s, s:f, s:f, s:I, s:I, s:s, s:o}", "verdict", verdict_code(res->verdict), "score",
        res->score, "max_score", res->max_score, "time_ms", (json_int_t)res->time_ms, "memory_kb",
        (json_int_t)res->memory_kb, "compile_output", out ? out : "", "tests", tests);
    if (o && res->error) {
        char *e = utf8_clean(res->error, 4000);
        json_object_set_new(o, "error", json_string(e ? e : "internal error"));
        free(e);
    }
    free(out);
    return o;
}

/* Posts the result until the server takes or refuses it; true when it was recorded. */
static bool post_result(struct slot *sl, struct held *h, json_t *body)
{
    unsigned wait_ms = 1000;
    for (int tries = 0; tries < (W.stopping ? 3 : 8); tries++) {
        long st = post_job(&sl->c, h->lease, "result", json_incref(body), 60);
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
        long st = post_job(&sl->c, h->lease, "release", NULL, 10);
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
        rc = worker_write_source(dir, language, source, path, sizeof(path));
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
        json_t *body = result_json(pr, &res);
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

/* Claims a job: 0 with *job, -ENOENT when there was none, -EACCES (token refused), -EIO. */
static int claim(struct client *c, json_t **job)
{
    char path[64];
    snprintf(path, sizeof(path), "/api/v1/worker/claim?wait=%d", CLAIM_WAIT_S);
    struct answer a;
    int rc = call(c, "POST", path, NULL, CLAIM_WAIT_S + 30, true, &a, NULL);
    if (rc)
        return rc;
    if (a.status == 204) {
        rc = -ENOENT;
    } else if (a.status == 200) {
        json_t *j = json_loadb(a.body.buf ? a.body.buf : "", a.body.len, 0, NULL);
        *job = json_incref(json_object_get(j, "job"));
        json_decref(j);
        rc = *job ? 0 : -EPROTO;
        if (rc)
            snprintf(c->err, sizeof(c->err), "the claim's answer has no job");
    } else {
        char d[256];
        detail_of(&a, d, sizeof(d));
        snprintf(c->err, sizeof(c->err), "status %ld: %s", a.status, d);
        rc = a.status == 401 || a.status == 403 ? -EACCES : -EIO;
    }
    strbuf_release(&a.body);
    return rc;
}

static void *slot_main(void *arg)
{
    struct slot *sl = arg;
    unsigned backoff_ms = 1000;
    bool failing = false;
    while (!W.stopping) {
        json_t *job = NULL;
        int rc = claim(&sl->c, &job);
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
    struct client c;
    if (client_init(&c))
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
            long st = post_job(&c, lease, "heartbeat", NULL, 10);
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
    client_release(&c);
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

int remote_worker_main(int argc, char **argv)
{
    int status = parse_options(argc, argv, &W.conf);
    if (status >= 0)
        return status;
    /* The cache holds packages, secret tests included: never where the sandbox looks. */
    const char **paths = lang_sandbox_paths();
    if (!paths) {
        fprintf(stderr, "judged worker: out of memory\n");
        return 1;
    }
    if (serve_check_hidden(paths, "the worker's cache (--cache)", W.conf.cache) ||
        open_cache(W.conf.cache) < 0) {
        free(paths);
        return 1;
    }
    unsigned uid_base = 0;
    int uidfd = serve_claim_uid_range(&uid_base);
    if (uidfd < 0) {
        fprintf(stderr, "judged worker: no free range of sandbox uids: %s\n", strerror(-uidfd));
        free(paths);
        return 1;
    }
    char workdir[PATH_MAX];
    snprintf(workdir, sizeof(workdir), "%s/judged-%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid());
    /* Before any thread: the sandbox moves the process into a mount namespace of its own. */
    struct sandbox_config sc = {.workdir = workdir,
                                .slots = W.conf.slots,
                                .uid_base = uid_base,
                                .cgroup = W.conf.cgroup,
                                .paths = paths,
                                .peers = true}; /* interactive validators */
    int rc = sandbox_open(&sc, &W.sb);
    free(paths);
    if (rc) {
        fprintf(stderr, "judged worker: cannot set up the sandbox: %s%s\n", strerror(-rc),
                rc == -EPERM ? " (it needs root)" : "");
        return 1;
    }
    fprintf(stderr,
            "judged worker: sandbox ready, memory limits by %s, %d slots, uids from %u; judging "
            "for %s\n",
            sandbox_mode(W.sb), W.conf.slots, uid_base, W.conf.server);
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
    pthread_t beat;
    bool beating = false;
    if (!slots || !W.held)
        goto out;
    beating = pthread_create(&beat, NULL, beat_main, NULL) == 0;
    for (int i = 0; beating && i < W.conf.slots; i++) {
        slots[i].n = i;
        if (client_init(&slots[i].c) ||
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
    sigwait(&sigs, &sig);
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
    status = W.fatal ? 1 : 0;
    fprintf(stderr, "judged worker: stopped\n");
out:
    for (int i = 0; slots && i < W.conf.slots; i++)
        client_release(&slots[i].c);
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
