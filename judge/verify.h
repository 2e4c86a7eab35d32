/* verify: checks a package as Kattis verifyproblem does: validators, reference submissions, limits.
 */
#ifndef JUDGE_VERIFY_H
#define JUDGE_VERIFY_H

/* Thread-safety: as judge.h: calls with distinct sandbox slots and caches may run at once. */

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "judge.h"

struct verify_sub {
    char *path;
    char *expected; /* the folder: accepted, wrong_answer, ... */
    const char *verdict;
    bool ok;
    unsigned time_ms;
    char *first_failure; /* the first test that was not AC, or NULL */
    char *judge_error;   /* IE: what broke in the judge (not the submission's fault), or NULL */
};

struct verify_report {
    char *slug;
    bool ok;
    double time_limit; /* seconds, as used */
    bool time_limit_derived;
    unsigned slowest_accepted_ms;
    struct diag errors;
    struct diag warnings;
    struct verify_sub *subs;
    size_t nsubs;
    /*
     * The judge's own failure (IE) on a reference submission whose folder expects another verdict:
     * the first such, as "'path': what broke" (owned), NULL when none. Not the package's fault.
     */
    char *judge_failure;
};

/*
 * Verifies the package in `dir` as problem `slug` (NULL: the folder's name), compiling into
 * `cache_dir`. A package with generators/generators.yaml gets its test data made first, written
 * into `dir`/data (gen.h): `dir` must be a folder verification may write, not an author's own.
 * Fills `rep` (rep->ok tells the outcome). With `out`, hands over the prepared problem, its time
 * limit derived where the package gives none; *out is NULL when not ok. Returns 0, or a negative
 * errno when verification itself could not run.
 */
int verify_problem(const struct judge_env *env, const char *dir, const char *slug,
                   const char *cache_dir, struct verify_report *rep, struct problem **out);
/*
 * The same, stopping with -ECANCELED once *cancel is non-zero (looked at between validator runs
 * and between tests: each run stays within its own limits). Input validators run under the
 * package's limits.validation_time and validation_memory.
 */
int verify_problem_cancel(const struct judge_env *env, const char *dir, const char *slug,
                          const char *cache_dir, const volatile int *cancel,
                          struct verify_report *rep, struct problem **out);
void verify_report_release(struct verify_report *rep);
json_t *verify_report_json(const struct verify_report *rep);
void verify_report_print(FILE *f, const struct verify_report *rep);

/*
 * Does `res`, the judgement of reference submission `sub`, meet every one of its expectations
 * (its folder's, submissions.yaml's)? Verdicts are taken in the format's terms: MLE, OLE and SV
 * are run-time errors (RTE); CE and IE meet none. When not, `why` says which test and rule.
 * Pure and thread-safe.
 */
bool verify_expect_check(const struct pkg_program *sub, const struct judge_result *res, char *why,
                         size_t size);

/* The expected verdict of a submissions/ folder ("wrong_answer" -> V_WA). */
enum verdict verify_expected_verdict(const char *folder);

#endif
