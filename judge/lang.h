/*
 * lang: the languages the judge runs, one record of data each (judge/lang/<id>.c), found through
 * the registry in lang.c. A record says how to compile a submission (if at all), how to run it,
 * how to ask the toolchain its version, a program that tests the whole chain, and what the
 * sandbox must allow its runtime on top of a plain C program: extra system calls, each with the
 * reason, host paths, threads, and a time multiplier for runtimes that start slowly.
 *
 * Argument templates (compile, run) may hold these whole-argument placeholders, expanded by the
 * judge: "{sources}" every source file of the program (the submission and the problem's
 * include/<id>/ files of the language's extensions), as /box/src/NAME, one argument each;
 * "{main}" the file the program starts from (`source_name`, or `driver_main` when the problem has
 * a driver for the language); "{out}" what compiling produces (/tmp/out while compiling, /box/prog
 * when running); "{memory_mb}" the memory limit in MiB, as a suffix of an argument
 * ("-Xmx{memory_mb}m").
 *
 * Thread-safety: the records are constant. lang_available and lang_version are safe from any
 * thread (the version probe runs once, under a pthread_once).
 */
#ifndef JUDGE_LANG_H
#define JUDGE_LANG_H

#include <stdbool.h>
#include <stddef.h>

struct policy_rule; /* policy.h: a system call a profile allows, and why */

/* A program the registry's tests judge through the real sandbox: its output must be `expected`. */
struct lang_selftest {
    const char *source;
    const char *expected;
};

struct lang {
    const char *id;            /* "c", "python": the API's name and the include/<id>/ folder */
    const char *name;          /* for people */
    const char *const *exts;   /* source file extensions, NULL-terminated; the first is the usual */
    const char *source_name;   /* a single submitted file is saved as /box/src/<this> */
    const char *driver_source; /* with a driver, the submission is saved as this (NULL: as above) */
    const char *driver_main;   /* with a driver, "{main}" is this file of include/<id>/ (NULL: the
                                  submission stays the entry, as for compiled languages) */
    const char *const *compile;     /* argv template; NULL: nothing to compile or check */
    const char *const *compile_env; /* added to the compile environment, NULL-terminated or NULL */
    bool compile_out_dir;           /* "{out}" is a folder the compiler fills (made empty first) */
    const char *const *run;         /* argv template of a run */
    const char *const *run_env;     /* the run's environment, NULL-terminated or NULL (empty) */
    const char *const *version;     /* argv of the version probe, run on the host */
    const char *toolchain;          /* host path without which the language is unavailable */
    /* The compiler finds its own files through /proc/self/exe (rustc 1.63): compiling shows that
     * one link, to the compiler, in a /proc of its own that holds nothing else. */
    bool compile_self_exe;
    /*
     * Host paths the compiler and the runtime need, NULL-terminated: the sandbox shows each
     * read-only at the same path (folders whole, the symbolic links on the way as links) and
     * nothing else of the host. A path missing on this host is skipped. docs/sandbox.md says
     * why each is there.
     */
    const char *const *paths;
    struct lang_selftest selftest;

    /* The sandbox profile of a run. */
    const struct policy_rule *syscalls; /* beyond the C run policy, NULL-terminated, or NULL */
    unsigned processes;                 /* processes and threads at once while running */
    unsigned compile_processes;         /* the same while compiling (0: the judge's default) */
    bool memory_rss;          /* reserves far more address space than it uses (JVM, Go): its memory
                                 can be capped only by the control group's resident memory, never by
                                 RLIMIT_AS, so it needs a cgroup memory controller */
    unsigned time_factor_pct; /* the run's time limit is the problem's times this / 100 */
    unsigned time_extra_ms;   /* plus this, for the runtime's own start-up */

    bool submissions; /* may candidates submit in it */
    bool native;      /* compiles to one executable "{out}" that runs without its toolchain: may
                         be a validator */
};

/* The registry's size: every record of lang_all(). */
#define LANG_COUNT 7

/* By API id; NULL if unknown. */
const struct lang *lang_by_id(const char *id);
/* By a source file's name; NULL if no language has its extension. */
const struct lang *lang_by_path(const char *path);
/* The table, NULL-terminated, in the registry's order (C first). */
const struct lang *const *lang_all(void);
/*
 * Every language's `paths`, each once, NULL-terminated: what a sandbox is given to show
 * (struct sandbox_config.paths). Returns a new array the caller frees (the strings are the
 * table's, borrowed), or NULL when out of memory. Thread-safe.
 */
const char **lang_sandbox_paths(void);

/* The ids of the submission languages, "c, cpp, python, ...", into `buf` (truncated to fit). */
void lang_list_ids(char *buf, size_t size);
/* The position of `lang` in lang_all(), or -1. */
int lang_index(const struct lang *lang);

/*
 * Is the language's toolchain installed on this host? A test may hide languages with the
 * environment variable JUDGED_HIDE_LANGS (ids separated by commas), read at each call: the
 * language then counts as missing, as on a host without the package.
 */
bool lang_available(const struct lang *lang);
/*
 * The first line the version probe printed ("Python 3.11.2"), or "" when it could not run.
 * Borrowed, valid for the life of the process. The probes of all languages run at the first call.
 */
const char *lang_version(const struct lang *lang);

/* The time limit of a run in `lang` for a problem limit of `ms`. */
unsigned lang_time_limit_ms(const struct lang *lang, unsigned ms);

/*
 * Writes `source` for judging in `lang`: folder `dir` is made (0700) and the file named as the
 * language wants it there (main.c, main.py; the judge copies it under the name a compiler needs,
 * Main.java). Its path goes to `path` (of `size` bytes). 0, -EINVAL for an unknown language, or
 * another negative errno. Thread-safe (for distinct folders).
 */
int lang_write_source(const char *dir, const char *lang, const char *source, char *path,
                      size_t size);

#endif
