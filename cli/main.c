/*
 * judged: the command line. `judged judge PACKAGE SOURCE...` judges one program and prints the
 * result as the API does; `judged verify DIR...` verifies packages as Kattis verifyproblem does.
 * Library functions return errors; this file alone decides what to print and how to exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup.h"
#include "fsutil.h"
#include "gen.h"
#include "host.h"
#include "judge.h"
#include "lang.h"
#include "remote_worker.h"
#include "report.h"
#include "sandbox.h"
#include "server.h"
#include "unpack.h"
#include "verify.h"
#include "mutation.h"

struct options {
    enum cgroup_mode cgroup;
    const char *lang;
    bool json;
    bool mutants; /* verify --mutants: measure the tests by mutation */
    int jobs;     /* sandbox slots, and threads for mutants */
    char workdir[PATH_MAX];
};

/* "auto", "v2", "v1" or "none"; false for anything else. */
static bool parse_cgroup(const char *s, enum cgroup_mode *out)
{
    static const struct {
        const char *name;
        enum cgroup_mode mode;
    } modes[] = {
        {"auto", CGROUP_AUTO}, {"v2", CGROUP_V2}, {"v1", CGROUP_V1}, {"none", CGROUP_NONE}};
    for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
        if (!strcmp(s, modes[i].name)) {
            *out = modes[i].mode;
            return true;
        }
    }
    return false;
}

/* A non-negative count of at most `max`; -1 when `s` is not one. */
static long parse_count(const char *s, long max)
{
    char *end;
    long v = strtol(s, &end, 10);
    return *s && !*end && v >= 0 && v <= max ? v : -1;
}

/*
 * An option of the judge and verify commands (before or after the command word). Returns 0, or
 * non-zero after saying what is wrong (nothing is said for an option of another command).
 */
static int command_option(struct options *o, int c, const char *arg)
{
    long n;
    switch (c) {
    case 'l':
        o->lang = arg;
        return 0;
    case 'c':
        if (parse_cgroup(arg, &o->cgroup))
            return 0;
        fprintf(stderr, "judged: --cgroup takes auto, v2, v1 or none\n");
        return 2;
    case 'j':
        o->json = true;
        return 0;
    case 'M':
        o->mutants = true;
        return 0;
    case 'J':
        if ((n = parse_count(arg, 64)) >= 1) {
            o->jobs = (int)n;
            return 0;
        }
        fprintf(stderr, "judged: --jobs takes a number from 1 to 64\n");
        return 2;
    default:
        return 2;
    }
}

/* "30d", "12h", "15m", "90s", or a bare number of days, into seconds (at least 1). 0 or -1. */
static int parse_duration(const char *text, unsigned long *seconds)
{
    static const struct {
        char unit;
        unsigned long seconds;
    } units[] = {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}, {'\0', 86400}};
    char *end;
    unsigned long v = strtoul(text, &end, 10);
    if (end == text || *text == '-' || (*end && end[1]))
        return -1;
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        /* At most ten years: the product stays far from overflowing. */
        if (*end == units[i].unit && v >= 1 && v <= 3650ul * 86400 / units[i].seconds) {
            *seconds = v * units[i].seconds;
            return 0;
        }
    }
    return -1;
}

/* Long options without a short letter. */
enum {
    OPT_QUEUE_PER_CLIENT = 256,
    OPT_QUEUE_PER_TOKEN,
    OPT_RUNS_PER_CLIENT,
    OPT_IMPORT_SLOTS,
    OPT_IMPORT_BUDGET,
    OPT_STREAMS_PER_CLIENT,
    OPT_SMTP_URL,
    OPT_MAIL_FROM,
    OPT_PUBLIC_URL,
    OPT_STORE,
    OPT_PACKAGES,
};

static void usage(FILE *f)
{
    fputs(
        "usage: judged judge [--lang ID] [--cgroup auto|v2|v1|none] PACKAGE SOURCE...\n"
        "       judged verify [--json] [--mutants [--jobs N]] [--cgroup auto|v2|v1|none] "
        "PACKAGE...\n"
        "       judged --listen HOST:PORT --data DIR [--problems DIR] [--web DIR] [--workers N]\n"
        "              [--cgroup MODE] [--queue-max N] [--anon-rate N] [--token-rate N]\n"
        "              [--read-rate N] [--port-file FILE] [--lease SECONDS]\n"
        "              [--webhook-private] [--max-connections N] [--per-ip-connections N]\n"
        "              [--conn-timeout SECONDS] [--anon-retention DURATION]\n"
        "              [--queue-per-client N] [--queue-per-token N]\n"
        "              [--runs-per-client N] [--import-slots N] [--import-budget SECONDS]\n"
        "              [--streams-per-client N] [--smtp-url URL --mail-from ADDRESS]\n"
        "              [--public-url URL] [--store URL] [--packages DIR]\n"
        "       judged worker --server URL --token TOKEN [--slots N] [--cache DIR]\n"
        "                     [--cgroup MODE]\n"
        "       judged backup FILE --data DIR     (an online copy of DIR/judged.db)\n"
        "       judged restore FILE --data DIR    (judged stopped: puts a backup in place)\n"
        "       judged verdicts [--json]          (the verdicts, their names and rules)\n"
        "PACKAGE is a problem folder or a .zip / .tar.gz of one (Kattis problem package format).\n",
        f);
}

/*
 * Opens the sandbox after checking that neither the packages (`pkgs`, `npkgs`) nor the work
 * folder, where archives are unpacked and checkers compiled, is shown inside it.
 */
static int open_sandbox(struct options *o, sandbox **sb, char **pkgs, int npkgs)
{
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(o->workdir, sizeof(o->workdir), "%s/judged-%d", tmp, (int)getpid());
    const char **paths = lang_sandbox_paths();
    if (!paths) {
        fprintf(stderr, "judged: out of memory\n");
        return -ENOMEM;
    }
    char why[PATH_MAX * 3];
    int rc = host_check_hidden(paths, "the work folder's parent (TMPDIR)", tmp, why, sizeof(why));
    for (int i = 0; i < npkgs && !rc; i++)
        rc = host_check_hidden(paths, "the package", pkgs[i], why, sizeof(why));
    if (rc) {
        fprintf(stderr, "judged: %s\n", why);
        goto out;
    }
    /* Its own range of sandbox uids, as a server's: concurrent judges never share a uid. */
    unsigned uid_base = 0;
    int lock = host_claim_uid_range(&uid_base);
    if (lock < 0) {
        fprintf(stderr, "judged: no free range of sandbox uids: %s\n", strerror(-lock));
        rc = lock;
        goto out;
    }
    struct sandbox_config cfg = {.workdir = o->workdir,
                                 .slots = o->jobs > 0 ? o->jobs : 1,
                                 .cgroup = o->cgroup,
                                 .uid_base = uid_base,
                                 .paths = paths,
                                 /* interactive validators, as long as uids last */
                                 .peers = o->jobs <= 128};
    rc = sandbox_open(&cfg, sb);
    if (rc) {
        fprintf(stderr, "judged: cannot set up the sandbox: %s%s\n", strerror(-rc),
                rc == -EPERM ? " (it needs root)" : "");
        goto out;
    }
    fprintf(stderr, "judged: sandbox ready, memory limits by %s\n", sandbox_mode(*sb));
out:
    free(paths);
    return rc;
}

/*
 * A folder as it is (copied below the work folder when generators/generators.yaml makes its test
 * data); an archive unpacked below the work folder. Returns the package root.
 */
static char *package_dir(const struct options *o, const char *arg, int n)
{
    char dest[PATH_MAX + 32];
    if (fs_is_dir(arg) && gen_wanted(arg)) {
        /* Its test data is made into data/: in a copy, never in the author's folder. */
        const char *base = strrchr(arg, '/');
        snprintf(dest, sizeof(dest), "%s/copy%d/%s", o->workdir, n, base ? base + 1 : arg);
        fs_remove_tree(dest);
        int rc = fs_copy_tree(arg, dest);
        if (rc)
            fprintf(stderr, "judged: cannot copy '%s': %s\n", arg, strerror(-rc));
        return rc ? NULL : strdup(dest);
    }
    if (fs_is_dir(arg))
        return strdup(arg);
    snprintf(dest, sizeof(dest), "%s/unpacked%d", o->workdir, n);
    struct diag errors = DIAG_INIT;
    int rc = unpack_archive(arg, dest, arg, NULL, &errors);
    for (size_t i = 0; i < errors.n; i++)
        fprintf(stderr, "judged: %s\n", errors.items[i]);
    diag_release(&errors);
    if (rc) {
        if (rc != -EINVAL)
            fprintf(stderr, "judged: cannot unpack '%s': %s\n", arg, strerror(-rc));
        return NULL;
    }
    char *root = unpack_package_root(dest);
    if (!root)
        fprintf(stderr, "judged: '%s' holds no problem.yaml at its top or in its only folder\n",
                arg);
    return root;
}

/*
 * The problem of package `arg` (unpacked in `dir`) ready to judge, compiled parts in `cache`. A
 * package without a time limit gets it as verification derives it. 0, or non-zero after saying
 * why.
 */
static int prepare_problem(const struct judge_env *env, const char *arg, const char *dir,
                           const char *cache, struct problem **pr)
{
    struct pkg *p = NULL;
    struct verify_report rep = {0};
    struct diag errors = DIAG_INIT;
    const char *base = strrchr(arg, '/');
    char slug[256];
    snprintf(slug, sizeof(slug), "%s", base ? base + 1 : arg);
    slug[strcspn(slug, ".")] = '\0';
    /* Test data from generators/generators.yaml first (into the copy package_dir made). */
    struct diag gen_warnings = DIAG_INIT;
    int rc = gen_wanted(dir) ? gen_package(env, dir, cache, &errors, &gen_warnings) : 0;
    for (size_t i = 0; i < gen_warnings.n; i++)
        fprintf(stderr, "judged: warning: %s\n", gen_warnings.items[i]);
    diag_release(&gen_warnings);
    if (!rc && errors.n)
        rc = -EINVAL;
    if (!rc)
        rc = pkg_open(dir, fs_is_dir(arg) ? NULL : slug, &p, &errors);
    if (!rc && p->time_limit == 0) {
        /* No limit in problem.yaml: derive it as verification does, from the accepted runs. */
        pkg_free(p);
        fprintf(stderr, "judged: problem.yaml gives no time limit; deriving it\n");
        rc = verify_problem(env, dir, fs_is_dir(arg) ? NULL : slug, cache, &rep, pr);
        for (size_t i = 0; i < rep.errors.n; i++)
            fprintf(stderr, "judged: %s\n", rep.errors.items[i]);
        if (!rc && !*pr)
            rc = -EINVAL;
    } else if (!rc) {
        rc = problem_prepare(env, p, cache, pr, &errors);
    }
    for (size_t i = 0; i < errors.n; i++)
        fprintf(stderr, "judged: %s\n", errors.items[i]);
    if (rc && rc != -EINVAL)
        fprintf(stderr, "judged: cannot prepare the problem: %s\n", strerror(-rc));
    verify_report_release(&rep);
    diag_release(&errors);
    return rc;
}

static int cmd_judge(struct options *o, int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const struct lang *lang = o->lang ? lang_by_id(o->lang) : lang_by_path(argv[1]);
    if (!lang || !lang->submissions) {
        char ids[256];
        lang_list_ids(ids, sizeof(ids));
        fprintf(stderr, "judged: unknown language '%s' (%s)\n", o->lang ? o->lang : argv[1], ids);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (!fs_is_file(argv[i])) {
            fprintf(stderr, "judged: cannot read source '%s'\n", argv[i]);
            return 2;
        }
    }
    sandbox *sb = NULL;
    if (open_sandbox(o, &sb, argv, 1))
        return 2;
    int status = 2;
    struct judge_env env = {sb, 0};
    char *dir = package_dir(o, argv[0], 0);
    char *cache = fs_join(o->workdir, "cache");
    struct problem *pr = NULL;
    if (!dir || !cache)
        goto out;
    if (prepare_problem(&env, argv[0], dir, cache, &pr))
        goto out;
    char why[512];
    if (judge_lang_check(&env, pr->pkg->dir, pr->pkg->slug, lang, why, sizeof(why))) {
        fprintf(stderr, "judged: %s\n", why);
        goto out;
    }
    struct judge_result res;
    int rc = judge_submission(&env, pr, lang, (const char *const *)argv + 1, (size_t)argc - 1, NULL,
                              &res);
    if (rc) {
        fprintf(stderr, "judged: cannot judge: %s\n", strerror(-rc));
        goto out;
    }
    if (res.error)
        fprintf(stderr, "judged: internal error: %s\n", res.error);
    json_t *j = report_result(NULL, pr, lang, &res, "done");
    json_dumpf(j, stdout, JSON_INDENT(2));
    putchar('\n');
    json_decref(j);
    status = res.verdict == V_AC ? 0 : res.verdict == V_IE ? 3 : 1;
    judge_result_release(&res);
out:
    problem_free(pr);
    free(dir);
    free(cache);
    sandbox_close(sb);
    fs_remove_tree(o->workdir);
    return status;
}

static void mutation_report_print(FILE *f, const struct mutation_report *m)
{
    fprintf(f,
            "  mutation score %.3f: %zu mutants, %zu killed, %zu survived, %zu stillborn (did not "
            "compile), %zu equivalent, %zu not judged, in %.1f s\n",
            m->score, m->generated, m->killed, m->survived, m->stillborn, m->equivalent, m->dropped,
            m->elapsed_ms / 1000.0);
    for (size_t i = 0; i < m->nsurvivors; i++)
        fprintf(f, "  survivor %s %s\n%s", m->survivors[i].path, m->survivors[i].id,
                m->survivors[i].diff ? m->survivors[i].diff : "");
    for (size_t i = 0; i < m->errors.n; i++)
        fprintf(f, "  error: %s\n", m->errors.items[i]);
    for (size_t i = 0; i < m->warnings.n; i++)
        fprintf(f, "  warning: %s\n", m->warnings.items[i]);
}

/* Judges the mutants of the verified problem `pr` on every slot of the sandbox. */
static int run_mutants(const struct options *o, sandbox *sb, const struct problem *pr, int n,
                       struct mutation_report *mrep)
{
    int slots = sandbox_slots(sb);
    struct judge_env *envs = calloc((size_t)slots, sizeof(*envs));
    char name[64];
    snprintf(name, sizeof(name), "mutants%d", n);
    char *work = fs_join(o->workdir, name);
    int rc = envs && work ? 0 : -ENOMEM;
    for (int k = 0; !rc && k < slots; k++)
        envs[k] = (struct judge_env){sb, k};
    if (!rc)
        rc = mutation_run(envs, (size_t)slots, pr, work, mrep);
    if (work)
        fs_remove_tree(work);
    free(work);
    free(envs);
    return rc;
}

static int cmd_verify(struct options *o, int argc, char **argv)
{
    if (argc < 1) {
        usage(stderr);
        return 2;
    }
    if (o->mutants && !o->jobs) {
        /* One slot per CPU this process may use: mutants are judged in parallel. */
        cpu_set_t set;
        o->jobs = sched_getaffinity(0, sizeof(set), &set) == 0 ? CPU_COUNT(&set) : 1;
        if (o->jobs > 64)
            o->jobs = 64;
    }
    sandbox *sb = NULL;
    if (open_sandbox(o, &sb, argv, argc))
        return 2;
    struct judge_env env = {sb, 0};
    int status = 0;
    json_t *all = json_array();
    for (int i = 0; i < argc; i++) {
        char *dir = package_dir(o, argv[i], i);
        if (!dir) {
            status = 1;
            continue;
        }
        char name[64];
        snprintf(name, sizeof(name), "cache%d", i);
        char *cache = fs_join(o->workdir, name);
        struct verify_report rep;
        struct problem *pr = NULL;
        int rc = verify_problem(&env, dir, NULL, cache, &rep, o->mutants ? &pr : NULL);
        if (rc) {
            fprintf(stderr, "judged: cannot verify '%s': %s\n", argv[i], strerror(-rc));
            rep.ok = false;
        }
        struct mutation_report mrep = {0};
        bool mutated = false;
        if (!rc && pr) {
            int mrc = run_mutants(o, sb, pr, i, &mrep);
            if (mrc) {
                fprintf(stderr, "judged: cannot test '%s' by mutation: %s\n", argv[i],
                        strerror(-mrc));
                status = 1;
            }
            mutated = !mrc;
        }
        if (o->json) {
            json_t *j = verify_report_json(&rep);
            if (mutated)
                json_object_set_new(j, "mutation", mutation_report_json(&mrep));
            json_array_append_new(all, j);
        } else {
            verify_report_print(stdout, &rep);
            if (mutated)
                mutation_report_print(stdout, &mrep);
        }
        fflush(stdout);
        if (!rep.ok || (mutated && mrep.errors.n))
            status = 1;
        mutation_report_release(&mrep);
        problem_free(pr);
        verify_report_release(&rep);
        free(cache);
        free(dir);
    }
    if (o->json) {
        json_t *out = json_pack("{s:b, s:o}", "ok", status == 0, "problems", all);
        json_dumpf(out, stdout, JSON_INDENT(2));
        putchar('\n');
        json_decref(out);
    } else {
        json_decref(all);
    }
    sandbox_close(sb);
    fs_remove_tree(o->workdir);
    return status;
}

/*
 * `judged verdicts [--json]`: the verdict table (judge/verdict.h) as the judge knows it, for people
 * and for the test that holds the API document and the web to it (tests/unit/verdicts_check.py).
 */
static int cmd_verdicts(int argc, char **argv)
{
    bool as_json = argc == 2 && !strcmp(argv[1], "--json");
    if (argc > 2 || (argc == 2 && !as_json)) {
        fprintf(stderr, "usage: judged verdicts [--json]\n");
        return 2;
    }
    const struct verdict_info *t = verdict_table();
    json_t *all = json_array();
    for (size_t i = 0; i < VERDICT_COUNT; i++) {
        if (as_json)
            json_array_append_new(all, json_pack("{s:s, s:s, s:I, s:b, s:b, s:b}", "code",
                                                 t[i].code, "name", t[i].name, "order",
                                                 (json_int_t)i, "per_test", t[i].per_test, "final",
                                                 t[i].final, "outranks", t[i].outranks));
        else
            printf("%-4s %s%s%s%s\n", t[i].code, t[i].name,
                   t[i].per_test ? "" : " (submission only)", t[i].final ? " (final)" : "",
                   t[i].outranks ? " (outranks the others)" : "");
    }
    if (as_json) {
        json_dumpf(all, stdout, JSON_INDENT(2));
        putchar('\n');
    }
    json_decref(all);
    return 0;
}

static const struct option longopts[] = {
    {"lang", required_argument, NULL, 'l'},
    {"cgroup", required_argument, NULL, 'c'},
    {"json", no_argument, NULL, 'j'},
    {"mutants", no_argument, NULL, 'M'},
    {"jobs", required_argument, NULL, 'J'},
    {"help", no_argument, NULL, 'h'},
    {"listen", required_argument, NULL, 'L'},
    {"data", required_argument, NULL, 'd'},
    {"problems", required_argument, NULL, 'p'},
    {"web", required_argument, NULL, 'w'},
    {"workers", required_argument, NULL, 'W'},
    {"queue-max", required_argument, NULL, 'Q'},
    {"anon-rate", required_argument, NULL, 'A'},
    {"token-rate", required_argument, NULL, 'T'},
    {"read-rate", required_argument, NULL, 'R'},
    {"port-file", required_argument, NULL, 'P'},
    {"webhook-private", no_argument, NULL, 'H'},
    {"max-connections", required_argument, NULL, 'C'},
    {"per-ip-connections", required_argument, NULL, 'I'},
    {"conn-timeout", required_argument, NULL, 'O'},
    {"lease", required_argument, NULL, 'E'},
    {"anon-retention", required_argument, NULL, 'N'},
    {"queue-per-client", required_argument, NULL, OPT_QUEUE_PER_CLIENT},
    {"queue-per-token", required_argument, NULL, OPT_QUEUE_PER_TOKEN},
    {"runs-per-client", required_argument, NULL, OPT_RUNS_PER_CLIENT},
    {"import-slots", required_argument, NULL, OPT_IMPORT_SLOTS},
    {"import-budget", required_argument, NULL, OPT_IMPORT_BUDGET},
    {"streams-per-client", required_argument, NULL, OPT_STREAMS_PER_CLIENT},
    {"smtp-url", required_argument, NULL, OPT_SMTP_URL},
    {"mail-from", required_argument, NULL, OPT_MAIL_FROM},
    {"public-url", required_argument, NULL, OPT_PUBLIC_URL},
    {"store", required_argument, NULL, OPT_STORE},
    {"packages", required_argument, NULL, OPT_PACKAGES},
    {NULL, 0, NULL, 0},
};

/* Is `c` an option of the judge and verify commands (command_option)? */
static bool is_command_option(int c)
{
    return c == 'l' || c == 'c' || c == 'j' || c == 'M' || c == 'J';
}

/* The service's settings before any option: what `judged --listen --data` runs with. */
static void serve_defaults(struct serve_config *sc)
{
    *sc = (struct serve_config){
        /* One per CPU judged may use: a run never shares its CPU with another run. */
        .workers = sandbox_cpus_available(),
        .interactive = 2,
        .queue_max = 20000,
        .anon_per_min = 30,
        .token_per_min = 600,
        .reads_per_sec = 100,
        .wait_max_s = 60,
        .max_connections = 512,
        .per_ip_connections = 64,
        .conn_timeout_s = 60,
        .queue_per_client = 16,
        .queue_per_token = 5000,
        .runs_per_client = 2,
        .import_slots = 2,
        .import_budget_s = 900,
        .streams_per_client = 16,
        /* Invite e-mails: the options, or the environment (a password stays out of ps). */
        .smtp_url = getenv("JUDGED_SMTP_URL"),
        .mail_from = getenv("JUDGED_MAIL_FROM"),
        .public_url = getenv("JUDGED_PUBLIC_URL"),
        .remind_before_s = 24 * 3600,
        .web = getenv("JUDGED_WEB")    ? getenv("JUDGED_WEB")
               : fs_is_dir("web/dist") ? "web/dist"
                                       : NULL,
    };
}

/* A connection setting (--max-connections, --per-ip-connections, --conn-timeout): 0 or 2. */
static int connection_option(struct serve_config *sc, int c, const char *arg)
{
    long n = parse_count(arg, c == 'O' ? 3600 : 100000);
    if (n < 1) {
        fprintf(stderr, "judged: '%s' is not a positive count for that option\n", arg);
        return 2;
    }
    if (c == 'C')
        sc->max_connections = (unsigned)n;
    else if (c == 'I')
        sc->per_ip_connections = (unsigned)n;
    else
        sc->conn_timeout_s = (unsigned)n;
    return 0;
}

/* A per-client cap or the import settings: 0 turns the queue caps off; the others need 1. */
static int cap_option(struct serve_config *sc, int c, const char *arg)
{
    long n = parse_count(arg, c == OPT_IMPORT_SLOTS ? 16 : 1000000);
    if (n < 0 || (n == 0 && c != OPT_QUEUE_PER_CLIENT && c != OPT_QUEUE_PER_TOKEN)) {
        fprintf(stderr, "judged: '%s' is not a count for that option\n", arg);
        return 2;
    }
    if (c == OPT_QUEUE_PER_CLIENT)
        sc->queue_per_client = (unsigned)n;
    else if (c == OPT_QUEUE_PER_TOKEN)
        sc->queue_per_token = (unsigned)n;
    else if (c == OPT_RUNS_PER_CLIENT)
        sc->runs_per_client = (unsigned)n;
    else if (c == OPT_IMPORT_SLOTS)
        sc->import_slots = (int)n;
    else if (c == OPT_IMPORT_BUDGET)
        sc->import_budget_s = (unsigned)n;
    else
        sc->streams_per_client = (unsigned)n;
    return 0;
}

/* The workers and the rates (--workers, --queue-max, --anon-rate, --token-rate, --read-rate). */
static int rate_option(struct serve_config *sc, int c, const char *arg)
{
    long n = parse_count(arg, c == 'W' ? 60 : 1000000);
    if (n < 0) {
        fprintf(stderr, "judged: '%s' is not a count for that option\n", arg);
        return 2;
    }
    if (c == 'W')
        sc->workers = (int)n;
    else if (c == 'Q')
        sc->queue_max = (unsigned)n;
    else if (c == 'A')
        sc->anon_per_min = (unsigned)n;
    else if (c == 'T')
        sc->token_per_min = (unsigned)n;
    else
        sc->reads_per_sec = (unsigned)n;
    return 0;
}

/*
 * An option of the service: 0 (with *server set when it asks for serving), 2 after saying what
 * is wrong, or -1 when `c` is not one of the service's.
 */
static int serve_option(struct serve_config *sc, int c, const char *arg, bool *server)
{
    long n;
    switch (c) {
    case 'L':
    case 'd':
    case 'p':
        *(c == 'L' ? &sc->listen : c == 'd' ? &sc->data : &sc->problems) = arg;
        *server = true;
        return 0;
    case 'w':
        sc->web = *arg ? arg : NULL;
        return 0;
    case OPT_STORE:
        /* sqlite:PATH or postgresql://... (docs/deploy.md); "" keeps the default. */
        sc->store = *arg ? arg : NULL;
        return 0;
    case OPT_PACKAGES:
        sc->packages = *arg ? arg : NULL;
        return 0;
    case 'P':
        sc->port_file = arg;
        return 0;
    case 'H':
        sc->webhook_private = true;
        return 0;
    case 'C':
    case 'I':
    case 'O':
        return connection_option(sc, c, arg);
    case 'N':
        if (!parse_duration(arg, &sc->anon_retention_s))
            return 0;
        fprintf(stderr, "judged: --anon-retention takes a duration: N days, or N followed by s, "
                        "m, h or d (30d, 12h, 90s), at least 1 s\n");
        return 2;
    case OPT_QUEUE_PER_CLIENT:
    case OPT_QUEUE_PER_TOKEN:
    case OPT_RUNS_PER_CLIENT:
    case OPT_IMPORT_SLOTS:
    case OPT_IMPORT_BUDGET:
    case OPT_STREAMS_PER_CLIENT:
        return cap_option(sc, c, arg);
    case OPT_SMTP_URL:
        sc->smtp_url = arg;
        return 0;
    case OPT_MAIL_FROM:
        sc->mail_from = arg;
        return 0;
    case OPT_PUBLIC_URL:
        sc->public_url = arg;
        return 0;
    case 'E':
        if ((n = parse_count(arg, 3600)) >= 1) {
            sc->lease_s = (unsigned)n;
            return 0;
        }
        fprintf(stderr, "judged: --lease takes 1 to 3600 seconds\n");
        return 2;
    case 'W':
    case 'Q':
    case 'A':
    case 'T':
    case 'R':
        return rate_option(sc, c, arg);
    default:
        return -1;
    }
}

/* `judged --listen HOST:PORT --data DIR ...`: checks what serving needs, then serves. */
static int run_server(struct serve_config *sc, const struct options *o, int argc, char **argv)
{
    if (!sc->listen || !sc->data) {
        fprintf(stderr, "judged: serving needs --listen HOST:PORT and --data DIR\n");
        usage(stderr);
        return 2;
    }
    if (optind < argc) {
        fprintf(stderr, "judged: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    sc->cgroup = o->cgroup;
    return serve_main(sc);
}

/* `judged [options] judge|verify [options] ARGS...`: options may also follow the command word. */
static int run_command(struct options *o, int argc, char **argv)
{
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[optind];
    optind++;
    int c;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        if (command_option(o, c, optarg)) {
            if (!is_command_option(c))
                fprintf(stderr, "judged: '%s' takes no such option (%s)\n", cmd, argv[optind - 1]);
            return 2;
        }
    }
    if (!strcmp(cmd, "judge"))
        return cmd_judge(o, argc - optind, argv + optind);
    if (!strcmp(cmd, "verify"))
        return cmd_verify(o, argc - optind, argv + optind);
    fprintf(stderr, "judged: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}

int main(int argc, char **argv)
{
    /* Commands with options of their own. */
    if (argc > 1 && !strcmp(argv[1], "worker"))
        return remote_worker_main(argc - 1, argv + 1);
    if (argc > 1 && (!strcmp(argv[1], "backup") || !strcmp(argv[1], "restore")))
        return backup_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "verdicts"))
        return cmd_verdicts(argc - 1, argv + 1);
    struct options o = {.cgroup = CGROUP_AUTO};
    struct serve_config sc;
    serve_defaults(&sc);
    bool server = false;
    int c;
    while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
        if (is_command_option(c)) {
            if (command_option(&o, c, optarg))
                return 2;
            continue;
        }
        if (c == 'h') {
            usage(stdout);
            return 0;
        }
        int rc = serve_option(&sc, c, optarg, &server);
        if (rc < 0)
            usage(stderr);
        if (rc)
            return 2;
    }
    return server ? run_server(&sc, &o, argc, argv) : run_command(&o, argc, argv);
}
