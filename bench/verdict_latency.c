/*
 * Time from POST to the final verdict, against the work the judge cannot avoid, measured side by
 * side in one run: compiling the same source with the judge's gcc command line (judge/lang.c,
 * judge_compile) and running the binary bare (fork, execve with the test's input on stdin, wait4)
 * once per test the judge runs. A third side splits the difference: judge_submission() called
 * in this process, in a sandbox of its own (what a worker does, without HTTP, the database and
 * the queue), timed to the end of compiling and to the last test. Rounds rotate which side goes
 * first, so all see the same machine. Every round's source differs by a comment (nothing can be
 * cached across rounds).
 *
 *   verdict_latency URL TOKEN PACKAGE [ROUNDS]
 *
 * URL is judged's base (http://127.0.0.1:PORT); the package folder must be imported already under
 * its folder name. The source is the package's first submissions/accepted/ C file; the inputs are
 * data/sample/ then data/secret/, in file-name order (the judge's order). The submission goes as
 * POST /api/v1/submissions?wait=true, timed until the whole answer with the verdict is read.
 * The last line is machine-readable: RESULT verdict ... (bench/run-all.sh reads it).
 */
#define _GNU_SOURCE
#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fsutil.h"
#include "judge.h"
#include "lang.h"
#include "strbuf.h"

#define MAX_TESTS 256

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The q-quantile (0..1) of n values, by the nearest rank; sorts a copy. */
static double quantile(const double *v, int n, double q)
{
    double *c = malloc((size_t)n * sizeof(*c));
    memcpy(c, v, (size_t)n * sizeof(*c));
    qsort(c, (size_t)n, sizeof(*c), cmp_double);
    int i = (int)(q * n + 0.999999) - 1;
    double r = c[i < 0 ? 0 : i >= n ? n - 1 : i];
    free(c);
    return r;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the paths of folder `dir`'s files ending in `suffix`, sorted by name. */
static int list_files(const char *dir, const char *suffix, char **out, int n)
{
    DIR *d = opendir(dir);
    if (!d)
        return n;
    int first = n;
    struct dirent *e;
    while ((e = readdir(d)) && n < MAX_TESTS)
        if (e->d_name[0] != '.' && fs_has_suffix(e->d_name, suffix))
            out[n++] = fs_join(dir, e->d_name);
    closedir(d);
    qsort(out + first, (size_t)(n - first), sizeof(*out), cmp_str);
    return n;
}

/* Runs argv with stdin from `in` (or /dev/null), stdout and stderr to /dev/null; its status. */
static int spawn(const char *const *argv, const char *const *envp, const char *in)
{
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(in ? in : "/dev/null", O_RDONLY);
        int null = open("/dev/null", O_WRONLY);
        if (fd < 0 || null < 0)
            _exit(126);
        dup2(fd, 0);
        dup2(null, 1);
        dup2(null, 2);
        execve(argv[0], (char *const *)argv, (char *const *)envp);
        _exit(127);
    }
    int status = -1;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return -1;
    return status;
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
    strbuf_add(ud, data, size * n);
    return size * n;
}

struct round {
    double compile, runs, runs_secret, bare; /* the baseline, ms */
    double lib, lib_compile, lib_runs;       /* judge_submission in this process, ms */
    double post;                             /* POST to verdict, ms */
    double server;                           /* finished_at - created_at, ms (whole ms) */
};

/* judge_submission's progress: the end of compiling (index SIZE_MAX) is noted. */
static void on_progress(void *ud, const struct judge_result *partial, size_t index)
{
    (void)partial;
    if (index == SIZE_MAX)
        *(double *)ud = now_ms();
}

/* The q-quantile of one field of every round. */
static double column(const struct round *r, int n, size_t offset, double q)
{
    double *v = calloc((size_t)n, sizeof(*v));
    for (int k = 0; k < n; k++)
        v[k] = *(const double *)((const char *)&r[k] + offset);
    double x = quantile(v, n, q);
    free(v);
    return x;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: verdict_latency URL TOKEN PACKAGE [ROUNDS]\n");
        return 2;
    }
    const char *base = argv[1], *token = argv[2], *pkg = argv[3];
    int rounds = argc > 4 ? atoi(argv[4]) : 30;
    if (rounds < 1)
        rounds = 1;
    char slug[256];
    const char *b = strrchr(pkg, '/');
    snprintf(slug, sizeof(slug), "%s", b && b[1] ? b + 1 : pkg);

    char *tests[MAX_TESTS];
    int ntests = 0, nsamples;
    char *dir = fs_join(pkg, "data/sample");
    ntests = list_files(dir, ".in", tests, ntests);
    free(dir);
    nsamples = ntests;
    dir = fs_join(pkg, "data/secret");
    ntests = list_files(dir, ".in", tests, ntests);
    free(dir);
    char *subs[8];
    dir = fs_join(pkg, "submissions/accepted");
    int nsubs = list_files(dir, ".c", subs, 0);
    free(dir);
    char *source = NULL;
    if (!ntests || !nsubs || fs_read(subs[0], 1 << 20, &source, NULL)) {
        fprintf(stderr, "verdict_latency: '%s' needs data/*/*.in and submissions/accepted/*.c\n",
                pkg);
        return 2;
    }

    /* The baseline works in a tmpfs, as the judge's compiler and programs do (the slot's /box and
     * /tmp); the in-process judge's sandbox and cache live in /tmp like judged's. */
    char work[] = "/tmp/verdict-latency-XXXXXX";
    char bare_dir[] = "/dev/shm/verdict-latency-XXXXXX";
    if (!mkdtemp(work) || !mkdtemp(bare_dir))
        return 1;
    char src[512], exe[512], inc[512];
    snprintf(src, sizeof(src), "%s/main.c", bare_dir);
    snprintf(exe, sizeof(exe), "%s/a.out", bare_dir);
    snprintf(inc, sizeof(inc), "-I%s", bare_dir);
    char tmpdir[600];
    snprintf(tmpdir, sizeof(tmpdir), "TMPDIR=%s", bare_dir);

    /* The judge's command line for C, from the language's template (lang.h placeholders). */
    const struct lang *c = lang_by_id("c");
    const char *gcc[32];
    int na = 0;
    for (const char *const *f = c->compile; *f && na < 31; f++) {
        if (!strcmp(*f, "{out}"))
            gcc[na++] = exe;
        else if (!strcmp(*f, "{sources}"))
            gcc[na++] = src;
        else if (!strcmp(*f, "-I/box/src"))
            gcc[na++] = inc;
        else
            gcc[na++] = *f;
    }
    gcc[na] = NULL;
    const char *const compile_env[] = {"PATH=/usr/bin:/bin", tmpdir, "LC_ALL=C", NULL};
    static const char *const run_env[] = {NULL};
    const char *const prog[] = {exe, NULL};

    /* The in-process judge: opened before any thread exists (libcurl may start some). */
    char sbwork[600], cache[600], libsrc[600];
    snprintf(sbwork, sizeof(sbwork), "%s/sandbox", work);
    snprintf(cache, sizeof(cache), "%s/cache", work);
    snprintf(libsrc, sizeof(libsrc), "%s/lib", work);
    fs_mkdirs(libsrc, 0755);
    snprintf(libsrc, sizeof(libsrc), "%s/lib/main.c", work);
    const char **paths = lang_sandbox_paths();
    struct sandbox_config sc = {
        .workdir = sbwork, .slots = 1, .uid_base = 59000, .cgroup = CGROUP_AUTO, .paths = paths};
    sandbox *sb = NULL;
    struct problem *pr = NULL;
    struct diag errors = DIAG_INIT;
    int rc = paths ? sandbox_open(&sc, &sb) : -ENOMEM;
    free(paths);
    if (!rc) {
        struct pkg *p = NULL;
        rc = pkg_open(pkg, NULL, &p, &errors);
        if (!rc)
            rc = problem_prepare(&(struct judge_env){sb, 0}, p, cache, &pr, &errors);
    }
    if (rc) {
        fprintf(stderr, "verdict_latency: no in-process judge (%s%s%s); that side is skipped\n",
                strerror(-rc), errors.n ? ": " : "", errors.n ? errors.items[0] : "");
        pr = NULL;
    }
    diag_release(&errors);

    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *h = curl_easy_init();
    char url[1024], auth[512];
    snprintf(url, sizeof(url), "%s/api/v1/submissions?wait=true", base);
    snprintf(auth, sizeof(auth), "Authorization: Bearer %s", token);
    struct curl_slist *hdrs = curl_slist_append(NULL, auth);
    hdrs = curl_slist_append(hdrs, "Content-Type: application/json");

    printf("package %s: %d tests (%d samples, %d secret), source %s\n", slug, ntests, nsamples,
           ntests - nsamples, subs[0]);
    printf("baseline: %s %s", compile_env[1], gcc[0]);
    for (int i = 1; gcc[i]; i++)
        printf(" %s", gcc[i]);
    printf("\n          then %d bare runs (fork, execve, wait4; input on stdin, output to "
           "/dev/null), in a tmpfs\n",
           ntests);
    printf("library:  judge_submission() in this process, sandbox memory limits by %s\n",
           pr ? sandbox_mode(sb) : "(skipped)");
    printf("judge:    POST %s, %d rounds, rotating which side goes first\n", url, rounds);
    fflush(stdout);

    struct round *r = calloc((size_t)rounds, sizeof(*r));
    int failures = 0;
    for (int i = 0; i < rounds; i++) {
        char *s = NULL;
        if (asprintf(&s, "%s\n/* verdict_latency round %d, pid %d */\n", source, i, (int)getpid()) <
            0)
            return 1;
        for (int k = 0; k < 3; k++) {
            int side = (k + i) % 3;
            if (side == 2) {
                if (!pr)
                    continue;
                /* The judge library alone, as a worker calls it. */
                if (fs_write(libsrc, s, strlen(s), 0644))
                    return 1;
                const char *sources[] = {libsrc};
                double t_compiled = 0;
                struct judge_opts opts = {.progress = on_progress, .ud = &t_compiled};
                struct judge_result res;
                double t0 = now_ms();
                int jr =
                    judge_submission(&(struct judge_env){sb, 0}, pr, c, sources, 1, &opts, &res);
                double t1 = now_ms();
                if (jr || res.verdict != V_AC) {
                    fprintf(stderr, "verdict_latency: round %d: in-process judge: %s, %s\n", i,
                            strerror(-jr), jr ? "" : verdict_code(res.verdict));
                    failures++;
                }
                judge_result_release(&res);
                r[i].lib = t1 - t0;
                r[i].lib_compile = t_compiled - t0;
                r[i].lib_runs = t1 - t_compiled;
            } else if (side == 0) {
                /* The baseline. */
                if (fs_write(src, s, strlen(s), 0644))
                    return 1;
                unlink(exe);
                double t0 = now_ms();
                int st = spawn(gcc, compile_env, NULL);
                double t1 = now_ms(), t_secret = t1;
                if (st != 0) {
                    fprintf(stderr, "verdict_latency: the baseline compile failed (%d)\n", st);
                    return 1;
                }
                for (int t = 0; t < ntests; t++) {
                    if (t == nsamples)
                        t_secret = now_ms();
                    if (spawn(prog, run_env, tests[t]) != 0) {
                        fprintf(stderr, "verdict_latency: the bare run of %s failed\n", tests[t]);
                        return 1;
                    }
                }
                double t2 = now_ms();
                r[i].compile = t1 - t0;
                r[i].runs = t2 - t1;
                r[i].runs_secret = t2 - t_secret;
                r[i].bare = t2 - t0;
            } else {
                json_t *body =
                    json_pack("{s:s, s:s, s:s}", "problem", slug, "language", "c", "source", s);
                char *bs = json_dumps(body, JSON_COMPACT);
                json_decref(body);
                struct strbuf resp = STRBUF_INIT(0);
                curl_easy_setopt(h, CURLOPT_URL, url);
                curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
                curl_easy_setopt(h, CURLOPT_POSTFIELDS, bs);
                curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
                curl_easy_setopt(h, CURLOPT_WRITEDATA, &resp);
                curl_easy_setopt(h, CURLOPT_TIMEOUT, 120L);
                double t0 = now_ms();
                CURLcode cc = curl_easy_perform(h);
                double t1 = now_ms();
                long code = 0;
                curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
                free(bs);
                json_t *j = cc == CURLE_OK ? json_loads(strbuf_str(&resp), 0, NULL) : NULL;
                const char *verdict = json_string_value(json_object_get(j, "verdict"));
                if (code != 200 || !verdict || strcmp(verdict, "AC")) {
                    const char *e = json_string_value(json_object_get(j, "error"));
                    fprintf(stderr,
                            "verdict_latency: round %d: HTTP %ld, curl %d, verdict %s%s%s; "
                            "answer %.200s\n",
                            i, code, (int)cc, verdict ? verdict : "none", e ? ", error: " : "",
                            e ? e : "", strbuf_str(&resp));
                    failures++;
                }
                r[i].post = t1 - t0;
                r[i].server = (double)(json_integer_value(json_object_get(j, "finished_at")) -
                                       json_integer_value(json_object_get(j, "created_at")));
                json_decref(j);
                strbuf_release(&resp);
            }
        }
        free(s);
    }

    /* The judge's own view: the mean of judged_judging_seconds (claim to recorded verdict). */
    double hist_sum = 0, hist_count = 0;
    {
        struct strbuf m = STRBUF_INIT(0);
        snprintf(url, sizeof(url), "%s/metrics", base);
        curl_easy_setopt(h, CURLOPT_URL, url);
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &m);
        if (curl_easy_perform(h) == CURLE_OK) {
            const char *p = strstr(strbuf_str(&m), "\njudged_judging_seconds_sum ");
            const char *q = strstr(strbuf_str(&m), "\njudged_judging_seconds_count ");
            if (p && q) {
                hist_sum = strtod(p + 28, NULL);
                hist_count = strtod(q + 30, NULL);
            }
        }
        strbuf_release(&m);
    }
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);
    curl_global_cleanup();

    double compile = column(r, rounds, offsetof(struct round, compile), 0.5);
    double runs = column(r, rounds, offsetof(struct round, runs), 0.5);
    double runs_secret = column(r, rounds, offsetof(struct round, runs_secret), 0.5);
    double bare = column(r, rounds, offsetof(struct round, bare), 0.5);
    double bare90 = column(r, rounds, offsetof(struct round, bare), 0.9);
    double post = column(r, rounds, offsetof(struct round, post), 0.5);
    double post90 = column(r, rounds, offsetof(struct round, post), 0.9);
    double server = column(r, rounds, offsetof(struct round, server), 0.5);
    double lib = column(r, rounds, offsetof(struct round, lib), 0.5);
    double lib_compile = column(r, rounds, offsetof(struct round, lib_compile), 0.5);
    double lib_runs = column(r, rounds, offsetof(struct round, lib_runs), 0.5);
    double bare10 = compile + runs_secret;
    printf("\nmedians over %d rounds (ms)%s\n", rounds,
           failures ? " -- SOME ROUNDS FAILED, see above" : "");
    printf("  compile, bare                        %8.1f\n", compile);
    printf("  %2d runs, bare (all tests judged)     %8.1f  (%.2f per run)\n", ntests, runs,
           runs / ntests);
    printf("  %2d runs, bare (secret tests only)    %8.1f\n", ntests - nsamples, runs_secret);
    printf("  baseline: compile + %2d runs          %8.1f  (p90 %.1f)\n", ntests, bare, bare90);
    if (pr) {
        printf("  compile, sandboxed (judge_submission) %7.1f  (+%.1f over bare)\n", lib_compile,
               lib_compile - compile);
        printf("  %2d runs + checks, sandboxed           %8.1f  (%.2f per test, +%.2f over bare)\n",
               ntests, lib_runs, lib_runs / ntests, (lib_runs - runs) / ntests);
        printf("  judge_submission() in-process, total %8.1f  (%.2fx the baseline)\n", lib,
               lib / bare);
    }
    printf("  POST ?wait=true to verdict           %8.1f  (p90 %.1f)\n", post, post90);
    if (pr)
        printf("  POST minus judge_submission()        %8.1f  (HTTP, database, queue, worker)\n",
               post - lib);
    printf("  created_at to finished_at (server)   %8.1f\n", server);
    if (hist_count > 0)
        printf("  judged_judging_seconds mean          %8.1f  (claim to recorded verdict, %.0f "
               "judgements)\n",
               hist_sum / hist_count * 1000, hist_count);
    printf("ratio POST-to-verdict / (compile + %d bare runs): %.2fx; against compile + %d secret "
           "runs: %.2fx\n",
           ntests, post / bare, ntests - nsamples, post / bare10);
    printf("RESULT verdict ratio=%.2f ratio_secret=%.2f post_ms=%.1f baseline_ms=%.1f "
           "compile_ms=%.1f runs_ms=%.1f tests=%d rounds=%d failures=%d server_ms=%.1f "
           "judging_mean_ms=%.1f lib_ms=%.1f lib_compile_ms=%.1f lib_runs_ms=%.1f\n",
           post / bare, post / bare10, post, bare, compile, runs, ntests, rounds, failures, server,
           hist_count > 0 ? hist_sum / hist_count * 1000 : 0.0, lib, lib_compile, lib_runs);
    problem_free(pr);
    if (sb)
        sandbox_close(sb);
    fs_remove_tree(work);
    fs_remove_tree(bare_dir);
    return failures ? 1 : 0;
}
