/* judge: compiles a submission once, runs it on every test in the sandbox, checks and scores it. */
#ifndef JUDGE_JUDGE_H
#define JUDGE_JUDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "lang.h"
#include "pkg.h"
#include "sandbox.h"
#include "verdict.h"

/*
 * The wall limit of a run with CPU limit `tl` (ms), counted without the time the run waited for a
 * CPU: the limit and a small margin, so that a program that sleeps costs about what one that
 * computes does.
 */
unsigned judge_wall_limit_ms(unsigned tl);
/*
 * A submission's judging budget (ms of wall time less waits for a CPU, over all its runs) when
 * its tests' time limits add up to `sum_tl`; tests after it is spent are not run and get TLE.
 */
uint64_t judge_budget_ms(uint64_t sum_tl);

/* Where judging happens: a sandbox slot, used by one judgement at a time. */
struct judge_env {
    sandbox *sb;
    int slot;
};

/*
 * A problem ready to judge: its package with the validators compiled. Its drivers
 * (include/<language>/) are compiled with each submission, as Kattis does.
 */
struct problem {
    struct pkg *pkg;
    char *cache_dir;        /* the compiled parts live here */
    char *output_validator; /* compiled custom validator, or NULL */
};

/*
 * Compiles what a problem needs once per version: the output validator, into `cache_dir`
 * (created). Takes ownership of `pkg`. Errors name the file; -EINVAL when the
 * package's own code does not compile.
 */
int problem_prepare(const struct judge_env *env, struct pkg *pkg, const char *cache_dir,
                    struct problem **out, struct diag *errors);
void problem_free(struct problem *pr);

struct test_result {
    const struct pkg_test *test; /* borrowed from the package */
    enum verdict verdict;
    unsigned time_ms;    /* CPU time */
    unsigned wall_ms;    /* real time, waits for a CPU included */
    unsigned counted_ms; /* real time less the waits for a CPU: what the budget is charged */
    uint64_t memory_kb;
    char message[256]; /* why it failed, for people (sample tests only are shown to candidates) */
    char *output;      /* with judge_opts.keep_output: the start of what the program wrote */
};

struct judge_result {
    enum verdict verdict;
    double score, max_score;
    unsigned time_ms;   /* the slowest test */
    uint64_t memory_kb; /* the largest test */
    char *compile_output;
    struct test_result *tests; /* the tests judged, in test order */
    size_t ntests;
    char *error; /* with V_IE: what broke in the judge */
};

/*
 * Sets res->score and res->max_score from the tests judged so far (res->tests) and res->verdict:
 * a pass-fail problem gives every secret test an equal share of 100; a scoring one gives each
 * secret group its points, in full when every test passed (aggregation min) or by the share that
 * passed (sum). Samples carry no points. A submission whose verdict is not AC never scores
 * max_score: the score is then capped one share below it (a secret test's, or the smallest
 * group's points). Pure: thread-safe.
 */
void judge_score(const struct pkg *p, struct judge_result *res);

typedef void (*judge_progress_fn)(void *ud, const struct judge_result *partial, size_t index);

struct judge_opts {
    unsigned time_limit_ms;     /* 0: the problem's */
    bool stop_at_first_failure; /* verification wants only the verdict */
    judge_progress_fn progress; /* called after compiling (index SIZE_MAX) and after each test */
    void *ud;
    bool samples_only;          /* the editor's Run button: sample tests only, not graded */
    size_t keep_output;         /* keep up to this many bytes of each test's output (0: none) */
    const volatile int *cancel; /* when it becomes non-zero, judging stops with -ECANCELED */
};

/*
 * Judges the program made of `sources` (host paths) in `lang`. Returns 0 with `res` filled (any
 * verdict, IE included, with res->error saying why), or a negative errno when it could not start.
 */
int judge_submission(const struct judge_env *env, const struct problem *pr, const struct lang *lang,
                     const char *const *sources, size_t nsources, const struct judge_opts *opts,
                     struct judge_result *res);
void judge_result_release(struct judge_result *res);

/* One run of a program on input given by the caller (the editor's "custom input"). */
struct judge_run {
    bool compiled;
    char *compile_output;
    enum verdict verdict; /* AC when it exited 0; TLE, MLE, OLE, RE, SV otherwise */
    int exit_code;
    unsigned time_ms;
    uint64_t memory_kb;
    char *stdout_text; /* up to `keep` bytes each */
    char *stderr_text;
    bool stdout_truncated;
    char message[256];
};

/*
 * Compiles `sources` with the problem's driver and runs the program once on `input` under the
 * problem's limits. No checking: the caller shows what it wrote. Returns 0 or a negative errno.
 */
int judge_run_input(const struct judge_env *env, const struct problem *pr, const struct lang *lang,
                    const char *const *sources, size_t nsources, const char *input,
                    size_t input_len, size_t keep, struct judge_run *out);
void judge_run_release(struct judge_run *run);

/*
 * Compiles a helper program (a validator) of `sources`, with the files of `include_dir` (may be
 * NULL) beside them, into the slot's executable /box/NAME. Returns 0 with *ok telling whether it
 * compiled and `diagnostics` (may be NULL; the caller frees it) holding what the compiler said;
 * -ENOEXEC when `lang` does not compile to one executable (Python, Java, ...).
 */
int judge_compile(const struct judge_env *env, const struct lang *lang, const char *const *sources,
                  size_t nsources, const char *include_dir, const char *name, bool *ok,
                  char **diagnostics);

/*
 * A package's helper program (a test data generator, a solution writing answers) of `sources` in
 * `lang`, built into the slot's /box: compiled to an executable, or staged for its interpreter.
 * Returns 0 with *ok telling whether it compiled and `diagnostics` (may be NULL; the caller frees
 * it) what the compiler said, or a negative errno. Empties the slot's /box first.
 */
int judge_helper_build(const struct judge_env *env, const struct lang *lang,
                       const char *const *sources, size_t nsources, bool *ok, char **diagnostics);
/*
 * Runs the helper judge_helper_build made last in the slot (the same `lang` and `sources`), with
 * `args` (NULL-terminated, may be NULL) after the language's run template, in /tmp, its stdin
 * `stdin_fd` (-1: none; borrowed), under `limits`. Returns what sandbox_exec returns.
 */
int judge_helper_run(const struct judge_env *env, const struct lang *lang,
                     const char *const *sources, size_t nsources, const char *const *args,
                     int stdin_fd, const struct sandbox_limits *limits, struct sandbox_result *res);

/*
 * May a program in `lang` be judged on the package in folder `pkg_dir` (problem `slug`; NULL: on
 * any problem) here? 0, or with `why`
 * saying it for people: -EINVAL not a submission language, -ENOENT its toolchain is missing (or
 * it needs a cgroup memory controller the sandbox `env` lacks; env may be NULL), -ENOEXEC the
 * problem has drivers (include/<language>/) but none for `lang`. Reads the package folder.
 */
int judge_lang_check(const struct judge_env *env, const char *pkg_dir, const char *slug,
                     const struct lang *lang, char *why, size_t size);

/* sandbox_exec in the environment's slot, tried once more if the slot's cgroup vanished. */
int judge_exec(const struct judge_env *env, const struct sandbox_cmd *cmd,
               struct sandbox_result *res);

/* Limits of a compilation: about 10 s of CPU, 1 GiB, 1 MiB of diagnostics. */
extern const struct sandbox_limits judge_compile_limits;

#endif
