/*
 * Judging. A judgement owns one sandbox slot: its /box holds the compiled program (and the output
 * validator), its /tmp is emptied before every run. The submission is compiled once; each test is
 * a run with the test's input on stdin, followed by the check of its output; the verdict is the
 * first test's that is not AC, and the score follows the problem's groups.
 */
#define _GNU_SOURCE
#include "judge.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker.h"
#include "fsutil.h"

const struct sandbox_limits judge_compile_limits = {
    .cpu_ms = 10000,
    .wall_ms = 20000,
    .memory_kb = 1u << 20,
    .stdout_max = JUDGE_COMPILE_OUTPUT_MAX,
    .stderr_max = JUDGE_COMPILE_OUTPUT_MAX,
    .processes = 32,
    .file_size = 256u << 20,
    .stack_kb = 64u << 10,
};

/* Tries of a run that waited too long for a CPU, after the first, before it is the judge's error.
 */
#define JUDGE_OVERLOAD_RETRIES 2

unsigned judge_wall_limit_ms(unsigned tl)
{
    /* What a program may spend not computing (reading its input, starting up) beside its CPU
     * time: a sleeper costs its worker about the limit, not twice it. */
    return tl + 200 + tl / 10;
}

uint64_t judge_budget_ms(uint64_t sum_tl)
{
    /* Room for tests that each use nearly their whole limit and some input and output besides;
     * less than a sleeper's every test at the wall limit. */
    return sum_tl + sum_tl / 8 + 1000;
}

int judge_exec(const struct judge_env *env, const struct sandbox_cmd *cmd,
               struct sandbox_result *res)
{
    int rc = sandbox_exec(env->sb, cmd, res);
    /*
     * ENODEV: the slot's control group was removed from outside between its check and the join
     * (sandbox_exec makes it again next time). Once more, rather than blame a submission.
     */
    if (rc == -ENODEV) {
        sandbox_result_release(res);
        rc = sandbox_exec(env->sb, cmd, res);
    }
    /* A run that could not get its CPU says nothing of the program: it is tried again, a
     * bounded number of times, and then left to the caller as SANDBOX_OVERLOADED. Not a
     * compilation: its bound is long already (the limit + 20 s of waiting); it ends as IE. */
    for (int again = 0; !rc && res->status == SANDBOX_OVERLOADED && cmd->policy != POLICY_COMPILE &&
                        again < JUDGE_OVERLOAD_RETRIES;
         again++) {
        sandbox_result_release(res);
        rc = sandbox_exec(env->sb, cmd, res);
    }
    return rc;
}

/*** Compiling ***/

static const char *const compile_env[] = {"PATH=/usr/bin:/bin", "TMPDIR=/tmp", "LC_ALL=C", NULL};

/* Removes the sandbox's own folders from what the compiler says: "main.c:3:5: error ...". */
static char *clean_diagnostics(const char *s)
{
    static const char *const prefixes[] = {"/box/src/", "/box/include/", "/tmp/"};
    struct strbuf sb = STRBUF_INIT(0);
    for (const char *p = s; *p;) {
        bool cut = false;
        for (size_t i = 0; i < 3 && !cut; i++) {
            size_t n = strlen(prefixes[i]);
            if (!strncmp(p, prefixes[i], n)) {
                p += n;
                cut = true;
            }
        }
        if (!cut)
            strbuf_add(&sb, p++, 1);
    }
    return strbuf_detach(&sb, NULL);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Copies every regular file of folder `src` into `dst` (headers that sources include). */
static int copy_folder(const char *src, const char *dst)
{
    DIR *d = opendir(src);
    if (!d)
        return -errno;
    int rc = 0;
    struct dirent *e;
    while (!rc && (e = readdir(d))) {
        char *p = fs_join(src, e->d_name), *to = fs_join(dst, e->d_name);
        if (!p || !to)
            rc = -ENOMEM;
        else if (fs_is_file(p))
            rc = fs_copy(p, to, 0644);
        free(p);
        free(to);
    }
    closedir(d);
    return rc;
}

struct argv_builder {
    const char *items[512];
    char *owned[512];
    size_t n, nowned;
};

static void argv_add(struct argv_builder *a, const char *s)
{
    if (a->n < 511)
        a->items[a->n++] = s;
    a->items[a->n] = NULL;
}

/* Adds prefix + path's base name (or prefix + a number's text, `path` NULL). */
static void argv_addf(struct argv_builder *a, const char *prefix, const char *path)
{
    char *s = NULL;
    if (a->nowned < 511 && asprintf(&s, "%s%s", prefix, base_name(path)) >= 0) {
        a->owned[a->nowned++] = s;
        argv_add(a, s);
    }
}

static void argv_release(struct argv_builder *a)
{
    for (size_t i = 0; i < a->nowned; i++)
        free(a->owned[i]);
}

/* What a language's argument template is expanded with (lang.h lists the placeholders). */
struct program_files {
    char *names[256]; /* base names in /box/src of every source, no two alike */
    size_t n;
    char main[NAME_MAX + 1]; /* the file it starts from */
    const char *out;         /* "{out}" */
    unsigned memory_mb;
};

static void files_release(struct program_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    f->n = 0;
}

static int files_add(struct program_files *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->names[i], name))
            return 0;
    if (f->n == sizeof(f->names) / sizeof(f->names[0]))
        return -E2BIG;
    f->names[f->n] = strdup(name);
    return f->names[f->n] ? (f->n++, 0) : -ENOMEM;
}

static void expand(struct argv_builder *a, const char *const *tmpl, const struct program_files *f)
{
    for (const char *const *t = tmpl; *t; t++) {
        const char *mem = strstr(*t, "{memory_mb}");
        if (!strcmp(*t, "{sources}")) {
            for (size_t i = 0; i < f->n; i++)
                argv_addf(a, "/box/src/", f->names[i]);
        } else if (!strcmp(*t, "{main}")) {
            argv_addf(a, "/box/src/", f->main);
        } else if (!strcmp(*t, "{out}")) {
            argv_add(a, f->out);
        } else if (mem) {
            char *s = NULL;
            if (a->nowned < 511 && asprintf(&s, "%.*s%u%s", (int)(mem - *t), *t, f->memory_mb,
                                            mem + strlen("{memory_mb}")) >= 0) {
                a->owned[a->nowned++] = s;
                argv_add(a, s);
            }
        } else {
            argv_add(a, *t);
        }
    }
}

static bool has_arg(const char *const *tmpl, const char *arg)
{
    for (; tmpl && *tmpl; tmpl++)
        if (!strcmp(*tmpl, arg))
            return true;
    return false;
}

/* The environment of `base` followed by `extra`, into `a`. */
static void env_join(struct argv_builder *a, const char *const *base, const char *const *extra)
{
    for (; base && *base; base++)
        argv_add(a, *base);
    for (; extra && *extra; extra++)
        argv_add(a, *extra);
}

/* Runs a compiler command line; *ok when it exited 0. */
static int run_compiler(const struct judge_env *env, const struct lang *lang,
                        const char *const *argv, bool *ok, char **diagnostics)
{
    struct argv_builder e = {.n = 0};
    env_join(&e, compile_env, lang->compile_env);
    struct sandbox_cmd cmd = {
        .slot = env->slot,
        .policy = POLICY_COMPILE,
        .argv = argv,
        .envp = e.items,
        .cwd = "/box/src",
        .stdin_fd = -1,
        .self_exe = lang->compile_self_exe,
        .limits = judge_compile_limits,
    };
    if (lang->compile_processes)
        cmd.limits.processes = lang->compile_processes;
    struct sandbox_result r;
    int rc = judge_exec(env, &cmd, &r);
    if (!rc && r.status == SANDBOX_OVERLOADED)
        rc = -EAGAIN; /* not a compilation error: the machine could not give it a CPU */
    if (rc) {
        sandbox_result_release(&r);
        return rc;
    }
    struct strbuf all = STRBUF_INIT(0);
    strbuf_addstr(&all, strbuf_str(&r.out));
    strbuf_addstr(&all, strbuf_str(&r.err));
    *ok = r.status == SANDBOX_EXITED && r.exit_code == 0;
    switch (r.status) {
    case SANDBOX_CPU_LIMIT:
    case SANDBOX_WALL_LIMIT:
        strbuf_addf(&all, "\ncompilation exceeded its time limit (%u s)\n",
                    judge_compile_limits.cpu_ms / 1000);
        break;
    case SANDBOX_MEMORY_LIMIT:
        strbuf_addf(&all, "\ncompilation exceeded its memory limit (%u MiB)\n",
                    (unsigned)(judge_compile_limits.memory_kb >> 10));
        break;
    case SANDBOX_OUTPUT_LIMIT:
        strbuf_addf(&all, "\ncompiler diagnostics exceeded %u KiB; the rest was dropped\n",
                    JUDGE_COMPILE_OUTPUT_MAX >> 10);
        break;
    case SANDBOX_SYSCALL:
        strbuf_addf(&all, "\nthe compiler made a forbidden system call: %s\n", r.syscall);
        break;
    default:
        break;
    }
    if (diagnostics)
        *diagnostics = clean_diagnostics(strbuf_str(&all));
    strbuf_release(&all);
    sandbox_result_release(&r);
    return 0;
}

/* Does `name` end with one of the language's extensions? */
static bool lang_source(const struct lang *lang, const char *name)
{
    for (const char *const *e = lang->exts; *e; e++)
        if (fs_has_suffix(name, *e))
            return true;
    return false;
}

/*
 * Puts the program into /box/src: the sources (a single one under the language's name for it, as
 * Main.java must be), then the files of `include_dir` beside them (Kattis: a driver overrides a
 * submitted file of its name). Lists the sources and the entry file in `f`.
 */
static int stage_sources(const struct judge_env *env, const struct lang *lang,
                         const char *const *sources, size_t nsources, const char *include_dir,
                         bool driver, struct program_files *f)
{
    char *src = fs_join(sandbox_box_dir(env->sb, env->slot), "src");
    int rc = src ? fs_mkdirs(src, 0755) : -ENOMEM;
    const char *single = driver && lang->driver_source ? lang->driver_source : lang->source_name;
    for (size_t i = 0; !rc && i < nsources; i++) {
        const char *name = nsources == 1 && single ? single : base_name(sources[i]);
        char *to = fs_join(src, name);
        rc = to ? fs_copy(sources[i], to, 0644) : -ENOMEM;
        free(to);
        if (!rc)
            rc = files_add(f, name);
        if (!rc && i == 0)
            snprintf(f->main, sizeof(f->main), "%s", name);
    }
    if (!rc && include_dir)
        rc = copy_folder(include_dir, src);
    DIR *d = !rc && include_dir ? opendir(include_dir) : NULL;
    if (!rc && include_dir && !d)
        rc = -errno;
    for (struct dirent *e; !rc && d && (e = readdir(d));)
        if (e->d_name[0] != '.' && lang_source(lang, e->d_name))
            rc = files_add(f, e->d_name);
    if (d)
        closedir(d);
    if (!rc && driver && lang->driver_main)
        snprintf(f->main, sizeof(f->main), "%s", lang->driver_main);
    free(src);
    return rc;
}

/* Compiles into the slot's /box/NAME; the sources stay in /box/src (interpreters run them). */
static int compile_program(const struct judge_env *env, const struct lang *lang,
                           const char *const *sources, size_t nsources, const char *include_dir,
                           bool driver, const char *name, bool *ok, char **diagnostics)
{
    *ok = false;
    if (diagnostics)
        *diagnostics = NULL;
    struct program_files f = {.n = 0, .out = "/tmp/out"};
    char *tmp_out = fs_join(sandbox_tmp_dir(env->sb, env->slot), "out");
    char *to = fs_join(sandbox_box_dir(env->sb, env->slot), name);
    int rc = tmp_out && to ? sandbox_clean(env->sb, env->slot, false) : -ENOMEM;
    if (!rc)
        rc = stage_sources(env, lang, sources, nsources, include_dir, driver, &f);
    if (!rc && lang->compile && lang->compile_out_dir) {
        /* Made by the judge, written by the compiler's uid. */
        if (mkdir(tmp_out, 0777) < 0 || chmod(tmp_out, 0777) < 0)
            rc = -errno;
    }
    if (rc || !lang->compile) {
        *ok = !rc;
        goto out;
    }
    struct argv_builder a = {.n = 0};
    expand(&a, lang->compile, &f);
    rc = run_compiler(env, lang, a.items, ok, diagnostics);
    argv_release(&a);
    if (rc || !*ok || !has_arg(lang->compile, "{out}"))
        goto out;
    if (rename(tmp_out, to) < 0 || (!lang->compile_out_dir && chmod(to, 0755) < 0))
        rc = -errno;
out:
    files_release(&f);
    free(tmp_out);
    free(to);
    return rc;
}

int judge_compile(const struct judge_env *env, const struct lang *lang, const char *const *sources,
                  size_t nsources, const char *include_dir, const char *name, bool *ok,
                  char **diagnostics)
{
    if (!lang || !nsources)
        return -EINVAL;
    if (!lang->native || !lang->compile)
        return -ENOEXEC; /* a helper program (validator) must be one executable */
    return compile_program(env, lang, sources, nsources, include_dir, false, name, ok, diagnostics);
}

int judge_helper_build(const struct judge_env *env, const struct lang *lang,
                       const char *const *sources, size_t nsources, bool *ok, char **diagnostics)
{
    if (!lang || !nsources)
        return -EINVAL;
    int rc = sandbox_clean(env->sb, env->slot, true);
    if (rc)
        return rc;
    return compile_program(env, lang, sources, nsources, NULL, false, "prog", ok, diagnostics);
}

int judge_helper_run(const struct judge_env *env, const struct lang *lang,
                     const char *const *sources, size_t nsources, const char *const *args,
                     int stdin_fd, const struct sandbox_limits *limits, struct sandbox_result *res)
{
    if (!lang || !nsources) {
        memset(res, 0, sizeof(*res));
        return -EINVAL;
    }
    /* The entry file as stage_sources named it. */
    struct program_files f = {.n = 0, .out = "/box/prog", .memory_mb = limits->memory_kb >> 10};
    const char *main =
        nsources == 1 && lang->source_name ? lang->source_name : base_name(sources[0]);
    snprintf(f.main, sizeof(f.main), "%s", main);
    struct argv_builder a = {.n = 0};
    expand(&a, lang->run, &f);
    for (const char *const *x = args; x && *x; x++)
        argv_add(&a, *x);
    struct sandbox_cmd cmd = {
        .slot = env->slot,
        .policy = policy_for_lang(lang),
        .argv = a.items,
        .envp = lang->run_env,
        .cwd = "/tmp",
        .stdin_fd = stdin_fd,
        .limits = *limits,
    };
    if (lang->processes && cmd.limits.processes < lang->processes)
        cmd.limits.processes = lang->processes;
    int rc = judge_exec(env, &cmd, res);
    argv_release(&a);
    return rc;
}

/*** Drivers: include/<language>/ ***/

/*
 * The driver folder of `lang` in the package (*dir NULL: the problem has no include/ at all).
 * A problem with include/ folders, none of them for `lang`, is -ENOEXEC with `why` saying so.
 */
static int driver_dir(const char *pkg_dir, const char *slug, const struct lang *lang, char **dir,
                      char *why, size_t size)
{
    *dir = NULL;
    char *inc = fs_join(pkg_dir, "include");
    char *mine = inc ? fs_join(inc, lang->id) : NULL;
    int rc = mine ? 0 : -ENOMEM;
    if (!rc && fs_is_dir(mine)) {
        *dir = mine;
        mine = NULL;
    } else if (!rc && fs_is_dir(inc)) {
        /* Any sub-folder counts: a driver in a language this judge lacks is a driver still. */
        DIR *d = opendir(inc);
        struct dirent *e;
        bool any = false;
        while (d && !any && (e = readdir(d))) {
            char *sub = e->d_name[0] != '.' ? fs_join(inc, e->d_name) : NULL;
            any = sub && fs_is_dir(sub);
            free(sub);
        }
        if (d)
            closedir(d);
        if (any) {
            snprintf(why, size, "problem '%s' has no driver for language '%s'", slug, lang->id);
            rc = -ENOEXEC;
        }
    }
    free(inc);
    free(mine);
    return rc;
}

int judge_lang_check(const struct judge_env *env, const char *pkg_dir, const char *slug,
                     const struct lang *lang, char *why, size_t size)
{
    if (!lang || !lang->submissions) {
        snprintf(why, size, "'%s' is not a language of this judge", lang ? lang->id : "?");
        return -EINVAL;
    }
    if (!lang_available(lang)) {
        snprintf(why, size,
                 "language '%s' is not available on this judge: its toolchain ('%s') "
                 "is not installed",
                 lang->id, lang->toolchain);
        return -ENOENT;
    }
    if (lang->memory_rss && env && !strcmp(sandbox_mode(env->sb), cgroup_mode_name(CGROUP_NONE))) {
        snprintf(why, size,
                 "language '%s' needs memory limits by control group, and this judge "
                 "has no cgroup memory controller",
                 lang->id);
        return -ENOENT;
    }
    char *dir = NULL;
    int rc = pkg_dir ? driver_dir(pkg_dir, slug, lang, &dir, why, size) : 0;
    free(dir);
    return rc;
}

/* Compiles a submission with the problem's driver for its language into /box/prog. */
static int compile_submission(const struct judge_env *env, const struct pkg *p,
                              const struct lang *lang, const char *const *sources, size_t nsources,
                              bool *ok, char **diagnostics)
{
    char why[256];
    int rc = judge_lang_check(env, p->dir, p->slug, lang, why, sizeof(why));
    if (rc) {
        /* Refused before queueing as a rule; a problem replaced meanwhile lands here. */
        *ok = false;
        if (diagnostics)
            *diagnostics = strdup(why);
        return rc == -ENOEXEC ? 0 : rc;
    }
    char *dir = NULL;
    rc = driver_dir(p->dir, p->slug, lang, &dir, why, sizeof(why));
    if (!rc)
        rc = sandbox_clean(env->sb, env->slot, true);
    if (!rc)
        rc = compile_program(env, lang, sources, nsources, dir, dir != NULL, "prog", ok,
                             diagnostics);
    free(dir);
    return rc;
}

/* The files of a run: its argv, by the language's template. */
static int program_files_for_run(const struct judge_env *env, const struct pkg *p,
                                 const struct lang *lang, struct program_files *f)
{
    memset(f, 0, sizeof(*f));
    f->out = "/box/prog";
    f->memory_mb = p->memory_mb;
    char why[256], *dir = NULL;
    int rc = driver_dir(p->dir, p->slug, lang, &dir, why, sizeof(why));
    bool driver = !rc && dir;
    free(dir);
    const char *single = driver && lang->driver_source ? lang->driver_source : lang->source_name;
    if (driver && lang->driver_main)
        single = lang->driver_main;
    snprintf(f->main, sizeof(f->main), "%s", single ? single : "");
    (void)env;
    return rc;
}

/*** Preparing a problem ***/

static int prepare_validator(const struct judge_env *env, struct problem *pr, struct diag *errors)
{
    struct pkg *p = pr->pkg;
    const struct pkg_program *ov = p->output_validator;
    if (!ov)
        return 0;
    int rc = sandbox_clean(env->sb, env->slot, true);
    char *folder = fs_join(p->dir, ov->path);
    bool is_folder = folder && fs_is_dir(folder);
    bool ok = false;
    char *diag = NULL;
    if (!rc)
        rc = judge_compile(env, ov->lang, (const char *const *)ov->sources, ov->nsources,
                           is_folder ? folder : NULL, "validator", &ok, &diag);
    free(folder);
    if (rc == -ENOEXEC) {
        diag_add(errors,
                 "problem '%s': output validator '%s': %s is not compiled to a program; "
                 "validators are in C or C++",
                 p->slug, ov->path, ov->lang->name);
        rc = -EINVAL;
    } else if (!rc && !ok) {
        diag_add(errors, "problem '%s': output validator '%s' does not compile:\n%s", p->slug,
                 ov->path, diag ? diag : "");
        rc = -EINVAL;
    }
    free(diag);
    if (rc)
        return rc;
    char *from = fs_join(sandbox_box_dir(env->sb, env->slot), "validator");
    pr->output_validator = fs_join(pr->cache_dir, "output_validator");
    rc = from && pr->output_validator ? fs_copy(from, pr->output_validator, 0755) : -ENOMEM;
    free(from);
    return rc;
}

int problem_prepare(const struct judge_env *env, struct pkg *pkg, const char *cache_dir,
                    struct problem **out, struct diag *errors)
{
    struct problem *pr = calloc(1, sizeof(*pr));
    if (!pr) {
        pkg_free(pkg);
        return -ENOMEM;
    }
    pr->pkg = pkg;
    pr->cache_dir = strdup(cache_dir);
    int rc = pr->cache_dir ? fs_mkdirs(cache_dir, 0755) : -ENOMEM;
    if (!rc) {
        struct checker_flags f;
        char err[128];
        if (!pkg->custom_validation && checker_parse(pkg->validator_args, &f, err, sizeof(err))) {
            diag_add(errors, "problem '%s': problem.yaml: %s", pkg->slug, err);
            rc = -EINVAL;
        }
        for (size_t g = 0; !rc && g < pkg->ngroups; g++) {
            if (!pkg->custom_validation && pkg->groups[g].validator_args &&
                checker_parse(pkg->groups[g].validator_args, &f, err, sizeof(err))) {
                diag_add(errors, "problem '%s': test group '%s': %s", pkg->slug,
                         pkg->groups[g].name, err);
                rc = -EINVAL;
            }
        }
    }
    if (!rc)
        rc = prepare_validator(env, pr, errors);
    if (rc) {
        problem_free(pr);
        return rc;
    }
    *out = pr;
    return 0;
}

void problem_free(struct problem *pr)
{
    if (!pr)
        return;
    pkg_free(pr->pkg);
    free(pr->output_validator);
    free(pr->cache_dir);
    free(pr);
}

/*** Running and checking one test ***/

static const char *args_for(const struct pkg *p, const struct pkg_test *t)
{
    const char *g = p->groups[t->group].validator_args;
    return g ? g : p->validator_args;
}

/* Splits validator arguments into argv after `fixed` entries. */
static void add_args(struct argv_builder *a, char *copy)
{
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save))
        argv_add(a, tok);
}

static enum verdict run_custom_validator(const struct judge_env *env, const struct problem *pr,
                                         const struct pkg_test *t, const struct strbuf *out,
                                         char *msg, size_t msgsize)
{
    const struct pkg *p = pr->pkg;
    char feedback[PATH_MAX];
    snprintf(feedback, sizeof(feedback), "%s/feedback", sandbox_tmp_dir(env->sb, env->slot));
    /* Nothing the submission left in /tmp may reach the validator. */
    int rc = sandbox_clean(env->sb, env->slot, false);
    if (rc || mkdir(feedback, 0777) < 0 || chmod(feedback, 0777) < 0) {
        snprintf(msg, msgsize, "cannot make the feedback folder: %s", strerror(errno));
        return V_IE;
    }
    int memfd = memfd_create("output", MFD_CLOEXEC);
    if (memfd < 0 || (out->len && write(memfd, out->buf, out->len) != (ssize_t)out->len) ||
        lseek(memfd, 0, SEEK_SET) < 0) {
        snprintf(msg, msgsize, "cannot pass the output to the validator: %s", strerror(errno));
        if (memfd >= 0)
            close(memfd);
        return V_IE;
    }
    size_t dl = strlen(p->dir) + strlen("/data");
    char in[PATH_MAX], ans[PATH_MAX];
    snprintf(in, sizeof(in), "/data%s", t->in_path + dl);
    snprintf(ans, sizeof(ans), "/data%s", t->ans_path + dl);
    char *args = strdup(args_for(p, t) ? args_for(p, t) : "");
    struct argv_builder a = {.n = 0};
    argv_add(&a, "/box/validator");
    argv_add(&a, in);
    argv_add(&a, ans);
    argv_add(&a, "/tmp/feedback/");
    if (args)
        add_args(&a, args);
    char data[PATH_MAX];
    snprintf(data, sizeof(data), "%s/data", p->dir);
    unsigned tl = pkg_time_limit_ms(p);
    struct sandbox_cmd cmd = {
        .slot = env->slot,
        .policy = POLICY_RUN,
        .argv = a.items,
        .stdin_fd = memfd,
        .data_dir = data,
        .limits = {.cpu_ms = tl * 10 > 30000 ? tl * 10 : 30000,
                   .wall_ms = 60000,
                   .memory_kb = 2u << 20,
                   .stdout_max = JUDGE_MESSAGE_MAX,
                   .stderr_max = JUDGE_MESSAGE_MAX,
                   .processes = 16,
                   .file_size = 64u << 20},
    };
    struct sandbox_result r;
    rc = judge_exec(env, &cmd, &r);
    close(memfd);
    free(args);
    enum verdict v = V_IE;
    if (rc) {
        snprintf(msg, msgsize, "output validator could not run: %s (while %s)", strerror(-rc),
                 sandbox_step_name(r.failed_step));
    } else if (r.status == SANDBOX_EXITED && (r.exit_code == 42 || r.exit_code == 43)) {
        v = r.exit_code == 42 ? V_AC : V_WA;
        char *jm = NULL, *path = fs_join(feedback, "judgemessage.txt");
        if (v == V_WA && path && fs_read(path, JUDGE_MESSAGE_MAX, &jm, NULL) == 0 && jm[0])
            snprintf(msg, msgsize, "%s", jm);
        free(jm);
        free(path);
    } else {
        snprintf(msg, msgsize, "output validator failed: %s, exit %d, signal %d%s%s",
                 sandbox_status_name(r.status), r.exit_code, r.signal, r.syscall[0] ? ", " : "",
                 r.syscall);
    }
    sandbox_result_release(&r);
    return v;
}

static enum verdict check_output(const struct judge_env *env, const struct problem *pr,
                                 const struct pkg_test *t, const struct strbuf *out, char *msg,
                                 size_t msgsize)
{
    if (pr->output_validator)
        return run_custom_validator(env, pr, t, out, msg, msgsize);
    struct checker_flags f;
    char err[128];
    if (checker_parse(args_for(pr->pkg, t), &f, err, sizeof(err))) {
        snprintf(msg, msgsize, "%s", err);
        return V_IE;
    }
    char *ans = NULL;
    size_t anslen = 0;
    int rc = fs_read(t->ans_path, PKG_MAX_FILE_BYTES, &ans, &anslen);
    if (rc) {
        snprintf(msg, msgsize, "cannot read the answer '%s': %s", t->name, strerror(-rc));
        return V_IE;
    }
    bool ok = checker_compare(&f, strbuf_str(out), out->len, ans, anslen, msg, msgsize);
    free(ans);
    return ok ? V_AC : V_WA;
}

/* The limits a program of problem `p` runs under, with time limit `tl`. */
static struct sandbox_limits run_limits(const struct pkg *p, unsigned tl)
{
    return (struct sandbox_limits){.cpu_ms = tl,
                                   .wall_ms = judge_wall_limit_ms(tl),
                                   .memory_kb = (uint64_t)p->memory_mb << 10,
                                   .stdout_max = (size_t)p->output_mb << 20,
                                   .stderr_max = (size_t)p->output_mb << 20,
                                   .processes = 16,
                                   .file_size = (uint64_t)p->output_mb << 20};
}

/* The verdict of a run before its output is checked (AC: it exited 0), with the reason. */
static enum verdict run_verdict(const struct pkg *p, unsigned tl, const struct sandbox_result *r,
                                char *msg, size_t msgsize)
{
    switch (r->status) {
    case SANDBOX_SYSCALL:
        snprintf(msg, msgsize, "forbidden system call: %s", r->syscall);
        return V_SV;
    case SANDBOX_OUTPUT_LIMIT:
        snprintf(msg, msgsize, "output exceeded %u MiB", p->output_mb);
        return V_OLE;
    case SANDBOX_CPU_LIMIT:
    case SANDBOX_WALL_LIMIT:
        if (r->status == SANDBOX_CPU_LIMIT)
            snprintf(msg, msgsize, "CPU time exceeded %u ms", tl);
        else
            snprintf(msg, msgsize, "wall time (less %u ms waiting for a CPU) exceeded %u ms",
                     r->wait_ms, judge_wall_limit_ms(tl));
        return V_TLE;
    case SANDBOX_MEMORY_LIMIT:
        snprintf(msg, msgsize, "memory exceeded %u MiB", p->memory_mb);
        return V_MLE;
    case SANDBOX_OVERLOADED:
        snprintf(msg, msgsize, "machine overloaded: the run waited %u ms for a CPU", r->wait_ms);
        return V_IE;
    case SANDBOX_SIGNALED:
        snprintf(msg, msgsize, "killed by signal %d (%s)", r->signal, strsignal(r->signal));
        return V_RE;
    case SANDBOX_EXITED:
        if (r->exit_code) {
            snprintf(msg, msgsize, "exit code %d", r->exit_code);
            return V_RE;
        }
        break;
    }
    return V_AC;
}

static char *head_of(const struct strbuf *b, size_t keep)
{
    size_t n = b->len < keep ? b->len : keep;
    return strndup(b->buf ? b->buf : "", n);
}

/*
 * Runs the program compiled into /box (or its sources, for an interpreter) once with `in` on
 * stdin, under the problem's limits and the language's run profile; with `out` > 0 its stdout
 * goes there (a pipe to an interactive validator) instead of into `r`. Takes `in` and `out`.
 */
static int run_prog(const struct judge_env *env, const struct pkg *p, const struct lang *lang,
                    unsigned tl, int in, struct sandbox_result *r, int out)
{
    struct program_files f;
    struct argv_builder a = {.n = 0};
    int rc = program_files_for_run(env, p, lang, &f);
    if (!rc)
        expand(&a, lang->run, &f);
    struct sandbox_cmd cmd = {
        .slot = env->slot,
        .policy = policy_for_lang(lang),
        .argv = a.items,
        .envp = lang->run_env,
        .stdin_fd = in,
        .stdout_fd = out > 0 ? out : 0,
        .close_fds = out > 0,
        .limits = run_limits(p, tl),
    };
    cmd.limits.processes = lang->processes ? lang->processes : cmd.limits.processes;
    /* Talking to a validator, it also waits while the validator thinks, which is not its time:
     * its CPU time alone decides TLE, and the wall limit that stops a program blocked for good
     * is twice the usual and a second. */
    if (out > 0)
        cmd.limits.wall_ms = 2 * cmd.limits.wall_ms + 1000;
    /* A run piped to a peer is not tried again: its pipes are gone with the first try. */
    bool handed = false;
    if (!rc && out > 0) {
        rc = sandbox_exec(env->sb, &cmd, r);
        handed = true; /* it closed both */
    } else if (!rc) {
        rc = judge_exec(env, &cmd, r);
    } else {
        memset(r, 0, sizeof(*r)); /* released by the caller like a run's */
    }
    argv_release(&a);
    if (!handed) {
        close(in);
        if (out > 0)
            close(out);
    }
    return rc;
}

/*** Interactive and multi-pass problems ***/

/*
 * An interactive problem runs the submission and the output validator at once, each in a slot of
 * its own (the validator in the slot's peer, sandbox_peer: its own uid, /tmp and cgroup, so the
 * submission can neither see nor touch its feedback folder), the submission's stdout piped to the
 * validator's stdin and the validator's stdout to the submission's stdin. The validator gets
 * `input answer feedback_dir [args]` as for any custom validator and decides with 42 or 43. A
 * multi-pass problem runs the submission again while the validator (which accepted the pass)
 * leaves a nextpass.in in its feedback folder: that file is the next pass's input, given to the
 * submission on stdin (or, interactive, to the validator as its input argument). The feedback
 * folder lives across the passes of a test. The submission's CPU time is its own, summed over
 * passes; the validator runs under limits of its own.
 */

struct peer_run {
    const struct judge_env *env;
    struct sandbox_cmd cmd;
    struct sandbox_result res;
    int rc;
};

static void *peer_main(void *arg)
{
    struct peer_run *pr = arg;
    pr->rc = sandbox_exec(pr->env->sb, &pr->cmd, &pr->res);
    return NULL;
}

/* The validator's limits beside a submission with time limit `tl`: as a custom validator's, and
 * wall time enough to wait for the submission through its whole run. */
static struct sandbox_limits peer_limits(unsigned tl)
{
    unsigned cpu = tl * 10 > 30000 ? tl * 10 : 30000;
    return (struct sandbox_limits){.cpu_ms = cpu,
                                   .wall_ms = judge_wall_limit_ms(tl) + cpu,
                                   .memory_kb = 2u << 20,
                                   .stdout_max = JUDGE_MESSAGE_MAX,
                                   .stderr_max = JUDGE_MESSAGE_MAX,
                                   .processes = 16,
                                   .file_size = 64u << 20};
}

/* Reads the feedback folder's judgemessage.txt into `msg` (when there is one). */
static void judge_message(const char *feedback, char *msg, size_t msgsize)
{
    char *jm = NULL, *path = fs_join(feedback, "judgemessage.txt");
    if (path && fs_read(path, JUDGE_MESSAGE_MAX, &jm, NULL) == 0 && jm[0])
        snprintf(msg, msgsize, "%s", jm);
    free(jm);
    free(path);
}

/*
 * The verdict of one pass from what both programs did. What the sandbox stopped the submission
 * for (a forbidden call, time, memory) comes first: it may have been stopped in the middle of the
 * exchange, which the validator then saw cut short. A crash of the submission comes next, as its
 * end of file is what made the validator reject; but not SIGPIPE, which only says the validator
 * had finished (and decided) before the submission wrote again. Then the validator's 42 or 43.
 */
static enum verdict pass_verdict(const struct pkg *p, unsigned tl, const struct sandbox_result *sub,
                                 int vrc, const struct sandbox_result *val, const char *feedback,
                                 char *msg, size_t msgsize)
{
    char why[256];
    if (vrc) {
        /* The sandbox could not run the validator: the submission only lost its partner. */
        snprintf(msg, msgsize, "output validator could not run: %s (%s)", strerror(-vrc),
                 val->syscall);
        return V_IE;
    }
    enum verdict sv = run_verdict(p, tl, sub, why, sizeof(why));
    bool decided =
        !vrc && val->status == SANDBOX_EXITED && (val->exit_code == 42 || val->exit_code == 43);
    bool broken_pipe = sub->status == SANDBOX_SIGNALED && sub->signal == SIGPIPE;
    if (sv != V_AC && !(sv == V_RE && broken_pipe && decided)) {
        snprintf(msg, msgsize, "%s", why);
        return sv;
    }
    if (decided && val->exit_code == 43) {
        snprintf(msg, msgsize, "wrong answer");
        judge_message(feedback, msg, msgsize);
        return V_WA;
    }
    if (decided)
        return V_AC;
    snprintf(msg, msgsize, "output validator failed: %s, exit %d, signal %d%s%s",
             sandbox_status_name(val->status), val->exit_code, val->signal,
             val->syscall[0] ? ", " : "", val->syscall);
    return V_IE;
}

/*
 * One pass: the submission with `in` on stdin (a multi-pass problem's input; -1 when interactive)
 * and the validator in slot `peer` with `in_arg` as its input file. Takes `in`.
 */
static int run_pass(const struct judge_env *env, int peer, const struct problem *pr,
                    const struct lang *lang, const struct pkg_test *t, unsigned tl, int in,
                    const char *in_arg, struct sandbox_result *sub, int *vrc,
                    struct sandbox_result *val)
{
    const struct pkg *p = pr->pkg;
    size_t dl = strlen(p->dir) + strlen("/data");
    char ans[PATH_MAX], data[PATH_MAX];
    snprintf(ans, sizeof(ans), "/data%s", t->ans_path + dl);
    snprintf(data, sizeof(data), "%s/data", p->dir);
    char *args = strdup(args_for(p, t) ? args_for(p, t) : "");
    struct argv_builder a = {.n = 0};
    argv_add(&a, "/box/validator");
    argv_add(&a, in_arg);
    argv_add(&a, ans);
    argv_add(&a, "/tmp/feedback/");
    if (args)
        add_args(&a, args);
    struct peer_run v = {.env = env,
                         .cmd = {.slot = peer,
                                 .policy = POLICY_RUN,
                                 .argv = a.items,
                                 .stdin_fd = -1,
                                 .data_dir = data,
                                 .close_fds = true,
                                 .limits = peer_limits(tl)}};
    int rc = 0;
    memset(sub, 0, sizeof(*sub));
    if (!p->interactive) {
        /* The submission first, alone; then the validator reads its output. */
        rc = run_prog(env, p, lang, tl, in, sub, -1);
        int memfd = rc ? -1 : memfd_create("output", MFD_CLOEXEC);
        if (!rc &&
            (memfd < 0 ||
             (sub->out.len && write(memfd, sub->out.buf, sub->out.len) != (ssize_t)sub->out.len) ||
             lseek(memfd, 0, SEEK_SET) < 0))
            rc = -errno;
        if (rc) {
            if (memfd >= 0)
                close(memfd);
            memset(val, 0, sizeof(*val));
            goto out;
        }
        v.cmd.stdin_fd = memfd;
        *vrc = sandbox_exec(env->sb, &v.cmd, val);
        goto out;
    }
    if (in >= 0)
        close(in);
    int s2v[2] = {-1, -1}, v2s[2] = {-1, -1};
    if (pipe2(s2v, O_CLOEXEC) < 0 || pipe2(v2s, O_CLOEXEC) < 0) {
        rc = -errno;
        for (int i = 0; i < 2; i++) {
            if (s2v[i] >= 0)
                close(s2v[i]);
            if (v2s[i] >= 0)
                close(v2s[i]);
        }
        memset(val, 0, sizeof(*val));
        goto out;
    }
    /* Each run closes its ends once its program holds them: a program's exit is then the end of
     * file its partner reads. */
    v.cmd.stdin_fd = s2v[0];
    v.cmd.stdout_fd = v2s[1];
    pthread_t th;
    if (pthread_create(&th, NULL, peer_main, &v)) {
        for (int i = 0; i < 2; i++) {
            close(s2v[i]);
            close(v2s[i]);
        }
        rc = -EAGAIN;
        memset(val, 0, sizeof(*val));
        goto out;
    }
    rc = run_prog(env, p, lang, tl, v2s[0], sub, s2v[1]);
    pthread_join(th, NULL);
    *vrc = v.rc;
    *val = v.res;
out:
    argv_release(&a);
    free(args);
    return rc;
}

static enum verdict run_test_peer(const struct judge_env *env, const struct problem *pr,
                                  const struct lang *lang, const struct pkg_test *t, unsigned tl,
                                  size_t keep, struct test_result *tr)
{
    const struct pkg *p = pr->pkg;
    tr->test = t;
    int peer = sandbox_peer(env->sb, env->slot);
    if (peer < 0) {
        snprintf(tr->message, sizeof(tr->message), "%s problems need a sandbox with peer slots: %s",
                 p->interactive ? "interactive" : "multi-pass", strerror(-peer));
        return tr->verdict = V_IE;
    }
    char feedback[PATH_MAX], pass_in[PATH_MAX], next[PATH_MAX];
    snprintf(feedback, sizeof(feedback), "%s/feedback", sandbox_tmp_dir(env->sb, peer));
    snprintf(next, sizeof(next), "%s/nextpass.in", feedback);
    int rc = sandbox_clean(env->sb, peer, false);
    if (!rc && (mkdir(feedback, 0777) < 0 || chmod(feedback, 0777) < 0))
        rc = -errno;
    if (rc) {
        snprintf(tr->message, sizeof(tr->message), "cannot make the feedback folder: %s",
                 strerror(-rc));
        return tr->verdict = V_IE;
    }
    size_t dl = strlen(p->dir) + strlen("/data");
    char in_arg[PATH_MAX];
    snprintf(in_arg, sizeof(in_arg), "/data%s", t->in_path + dl);
    unsigned passes = p->multipass ? p->passes : 1;
    tr->verdict = V_AC;
    for (unsigned pass = 1; pass <= passes && tr->verdict == V_AC; pass++) {
        /* Nothing the submission left in its /tmp reaches its next pass. */
        rc = sandbox_clean(env->sb, env->slot, false);
        const char *in_path = pass == 1 ? t->in_path : pass_in;
        int in = rc ? -1 : open(in_path, O_RDONLY | O_CLOEXEC);
        if (in < 0) {
            snprintf(tr->message, sizeof(tr->message), "cannot open the input of pass %u: %s", pass,
                     strerror(rc ? -rc : errno));
            return tr->verdict = V_IE;
        }
        struct sandbox_result sub, val;
        int vrc = 0;
        rc = run_pass(env, peer, pr, lang, t, tl, in, in_arg, &sub, &vrc, &val);
        if (rc) {
            snprintf(tr->message, sizeof(tr->message), "sandbox failed while %s: %s",
                     sub.syscall[0] ? sub.syscall : "starting", strerror(-rc));
            tr->verdict = V_IE;
        } else {
            tr->time_ms += sub.cpu_ms;
            tr->wall_ms += sub.wall_ms;
            tr->counted_ms += sub.wall_ms > sub.wait_ms ? sub.wall_ms - sub.wait_ms : 0;
            if (sub.memory_kb > tr->memory_kb)
                tr->memory_kb = sub.memory_kb;
            if (keep && !tr->output && !p->interactive)
                tr->output = head_of(&sub.out, keep);
            tr->verdict =
                pass_verdict(p, tl, &sub, vrc, &val, feedback, tr->message, sizeof(tr->message));
        }
        sandbox_result_release(&sub);
        sandbox_result_release(&val);
        if (tr->verdict != V_AC || !p->multipass || access(next, F_OK) != 0)
            break;
        if (pass == passes) {
            snprintf(tr->message, sizeof(tr->message),
                     "the output validator asked for pass %u, past limits.validation_passes (%u)",
                     pass + 1, passes);
            return tr->verdict = V_IE;
        }
        /* The next pass's input, where the validator (and the submission's stdin) reads it. */
        snprintf(pass_in, sizeof(pass_in), "%s/pass%u.in", sandbox_tmp_dir(env->sb, peer),
                 pass + 1);
        snprintf(in_arg, sizeof(in_arg), "/tmp/pass%u.in", pass + 1);
        if (rename(next, pass_in) < 0 || chmod(pass_in, 0644) < 0) {
            snprintf(tr->message, sizeof(tr->message), "cannot take nextpass.in: %s",
                     strerror(errno));
            return tr->verdict = V_IE;
        }
    }
    /* The CPU limit holds for each pass; the passes together are still one test's time. */
    return tr->verdict;
}

/* Stages the output validator in the peer slot's /box too (interactive and multi-pass). */
static int stage_peer_validator(const struct judge_env *env, const struct problem *pr)
{
    int peer = sandbox_peer(env->sb, env->slot);
    if (peer < 0)
        return 0; /* each test says why it cannot run */
    int rc = sandbox_clean(env->sb, peer, true);
    char *dst = rc ? NULL : fs_join(sandbox_box_dir(env->sb, peer), "validator");
    if (!rc)
        rc = dst ? fs_copy(pr->output_validator, dst, 0755) : -ENOMEM;
    free(dst);
    return rc;
}

static enum verdict run_test(const struct judge_env *env, const struct problem *pr,
                             const struct lang *lang, const struct pkg_test *t, unsigned tl,
                             size_t keep, struct test_result *tr)
{
    const struct pkg *p = pr->pkg;
    if (p->interactive || p->multipass)
        return run_test_peer(env, pr, lang, t, tl, keep, tr);
    tr->test = t;
    int rc = sandbox_clean(env->sb, env->slot, false);
    int in = rc ? -1 : open(t->in_path, O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        snprintf(tr->message, sizeof(tr->message), "cannot open input '%s': %s", t->name,
                 strerror(rc ? -rc : errno));
        return tr->verdict = V_IE;
    }
    struct sandbox_result r;
    rc = run_prog(env, p, lang, tl, in, &r, -1);
    if (rc) {
        snprintf(tr->message, sizeof(tr->message), "sandbox failed while %s: %s",
                 sandbox_step_name(r.failed_step), strerror(-rc));
        sandbox_result_release(&r);
        return tr->verdict = V_IE;
    }
    tr->time_ms = r.cpu_ms;
    tr->wall_ms = r.wall_ms;
    tr->counted_ms = r.wall_ms > r.wait_ms ? r.wall_ms - r.wait_ms : 0;
    tr->memory_kb = r.memory_kb;
    if (keep)
        tr->output = head_of(&r.out, keep);
    tr->verdict = run_verdict(p, tl, &r, tr->message, sizeof(tr->message));
    if (tr->verdict == V_AC)
        tr->verdict = check_output(env, pr, t, &r.out, tr->message, sizeof(tr->message));
    sandbox_result_release(&r);
    return tr->verdict;
}

/*** Scoring ***/

/*
 * The score follows the secret tests (samples carry no points), with one rule on top: a
 * submission whose verdict is not AC never scores max_score. Only a failed sample (or the judge's
 * own failure) can leave every point earned with a verdict other than AC; the score is then capped
 * one share below the maximum: one secret test's share for a pass-fail problem, the smallest
 * group's points for a scoring one. docs/authoring.md and the API document state the rule.
 */
void judge_score(const struct pkg *p, struct judge_result *res)
{
    size_t secret = pkg_secret_count(p), passed = 0;
    double share = 0;
    if (!p->scoring) {
        res->max_score = 100;
        for (size_t i = 0; i < res->ntests; i++)
            passed += !res->tests[i].test->sample && res->tests[i].verdict == V_AC;
        res->score = secret ? 100.0 * (double)passed / (double)secret : 0;
        share = secret ? 100.0 / (double)secret : 0;
    } else {
        res->max_score = 0;
        res->score = 0;
        for (size_t g = 1; g < p->ngroups; g++) {
            size_t total = 0, ok = 0;
            for (size_t i = 0; i < p->ntests; i++)
                total += p->tests[i].group == g;
            for (size_t i = 0; i < res->ntests; i++)
                ok += res->tests[i].test->group == g && res->tests[i].verdict == V_AC;
            if (!total)
                continue;
            double pts = p->groups[g].points;
            res->max_score += pts;
            if (pts > 0 && (share == 0 || pts < share))
                share = pts;
            if (p->groups[g].aggregation == PKG_MIN)
                res->score += ok == total ? pts : 0;
            else
                res->score += pts * (double)ok / (double)total;
        }
    }
    if (res->verdict != V_AC && res->max_score > 0 && res->score >= res->max_score)
        res->score = res->max_score - (share > 0 && share <= res->max_score ? share : 0);
}

int judge_submission(const struct judge_env *env, const struct problem *pr, const struct lang *lang,
                     const char *const *sources, size_t nsources, const struct judge_opts *opts,
                     struct judge_result *res)
{
    memset(res, 0, sizeof(*res));
    const struct pkg *p = pr->pkg;
    unsigned tl = opts && opts->time_limit_ms ? opts->time_limit_ms : pkg_time_limit_ms(p);
    if (!tl || !lang || !nsources)
        return -EINVAL;
    res->tests = calloc(p->ntests ? p->ntests : 1, sizeof(*res->tests));
    if (!res->tests)
        return -ENOMEM;
    res->max_score = p->scoring ? 0 : 100;
    /* A runtime that starts slowly (the JVM) gets more time: its record says how much. */
    tl = lang_time_limit_ms(lang, tl);
    bool ok = false;
    int rc = compile_submission(env, p, lang, sources, nsources, &ok, &res->compile_output);
    if (rc) {
        res->verdict = V_IE;
        if (asprintf(&res->error, "compilation could not run: %s",
                     rc == -EAGAIN ? "machine overloaded" : strerror(-rc)) < 0)
            res->error = NULL;
        judge_score(p, res);
        return 0;
    }
    if (!ok) {
        res->verdict = V_CE;
        judge_score(p, res);
        if (opts && opts->progress)
            opts->progress(opts->ud, res, SIZE_MAX);
        return 0;
    }
    if (pr->output_validator) {
        char *dst = fs_join(sandbox_box_dir(env->sb, env->slot), "validator");
        rc = dst ? fs_copy(pr->output_validator, dst, 0755) : -ENOMEM;
        free(dst);
        if (!rc && (p->interactive || p->multipass))
            rc = stage_peer_validator(env, pr);
        if (rc) {
            res->verdict = V_IE;
            if (asprintf(&res->error, "cannot stage the output validator: %s", strerror(-rc)) < 0)
                res->error = NULL;
            return 0;
        }
    }
    if (opts && opts->progress)
        opts->progress(opts->ud, res, SIZE_MAX);
    res->verdict = V_AC;
    /* The worker time a submission may take: a program that sleeps on every test gets the
     * verdicts of its time, not more of a worker's time than one that computes. */
    uint64_t budget = 0, spent = 0;
    for (size_t i = 0; i < p->ntests; i++)
        if (!(opts && opts->samples_only && !p->tests[i].sample))
            budget += tl;
    budget = judge_budget_ms(budget);
    for (size_t i = 0; i < p->ntests; i++) {
        if (opts && opts->samples_only && !p->tests[i].sample)
            continue;
        if (opts && opts->cancel && *opts->cancel)
            return -ECANCELED; /* the caller releases res and puts the work back */
        struct test_result *tr = &res->tests[res->ntests++];
        enum verdict v;
        if (spent < budget) {
            v = run_test(env, pr, lang, &p->tests[i], tl, opts ? opts->keep_output : 0, tr);
            spent += tr->counted_ms;
        } else {
            tr->test = &p->tests[i];
            v = tr->verdict = V_TLE;
            snprintf(tr->message, sizeof(tr->message),
                     "not run: the submission used its judging time budget (%llu ms)",
                     (unsigned long long)budget);
        }
        if (tr->time_ms > res->time_ms)
            res->time_ms = tr->time_ms;
        if (tr->memory_kb > res->memory_kb)
            res->memory_kb = tr->memory_kb;
        if (v == V_IE && !res->error &&
            asprintf(&res->error, "test '%s': %s", tr->test->name, tr->message) < 0)
            res->error = NULL;
        res->verdict = verdict_combine(res->verdict, v);
        judge_score(p, res);
        if (opts && opts->progress)
            opts->progress(opts->ud, res, i);
        if (v != V_AC && opts && opts->stop_at_first_failure)
            break;
        /* A group judged first_error stops at its first failure; the others go on. */
        if (v != V_AC && p->groups[tr->test->group].first_error) {
            size_t g = tr->test->group;
            while (i + 1 < p->ntests && p->tests[i + 1].group == g)
                i++;
        }
    }
    judge_score(p, res);
    return 0;
}

void judge_result_release(struct judge_result *res)
{
    if (!res)
        return;
    free(res->compile_output);
    for (size_t i = 0; res->tests && i < res->ntests; i++)
        free(res->tests[i].output);
    free(res->tests);
    free(res->error);
    memset(res, 0, sizeof(*res));
}

/*** Custom input ***/

int judge_run_input(const struct judge_env *env, const struct problem *pr, const struct lang *lang,
                    const char *const *sources, size_t nsources, const char *input,
                    size_t input_len, size_t keep, struct judge_run *out)
{
    memset(out, 0, sizeof(*out));
    const struct pkg *p = pr->pkg;
    unsigned tl = pkg_time_limit_ms(p);
    if (!tl || !lang || !nsources)
        return -EINVAL;
    tl = lang_time_limit_ms(lang, tl);
    int rc =
        compile_submission(env, p, lang, sources, nsources, &out->compiled, &out->compile_output);
    if (rc || !out->compiled)
        return rc;
    rc = sandbox_clean(env->sb, env->slot, false);
    if (rc)
        return rc;
    int in = memfd_create("input", MFD_CLOEXEC);
    if (in < 0)
        return -errno;
    if ((input_len && write(in, input, input_len) != (ssize_t)input_len) ||
        lseek(in, 0, SEEK_SET) < 0) {
        rc = -errno;
        close(in);
        return rc ? rc : -EIO;
    }
    struct sandbox_result r;
    rc = run_prog(env, p, lang, tl, in, &r, -1);
    if (!rc) {
        out->verdict = run_verdict(p, tl, &r, out->message, sizeof(out->message));
        out->exit_code = r.exit_code;
        out->time_ms = r.cpu_ms;
        out->memory_kb = r.memory_kb;
        out->stdout_text = head_of(&r.out, keep);
        out->stderr_text = head_of(&r.err, keep);
        out->stdout_truncated = r.stdout_bytes > keep;
    }
    sandbox_result_release(&r);
    return rc;
}

void judge_run_release(struct judge_run *run)
{
    if (!run)
        return;
    free(run->compile_output);
    free(run->stdout_text);
    free(run->stderr_text);
    memset(run, 0, sizeof(*run));
}
