/* mutation: how strong a problem's tests are, by the share of mutants of its solutions they kill.
 */
#ifndef JUDGE_MUTATION_H
#define JUDGE_MUTATION_H

#include <jansson.h>
#include <stddef.h>

#include "diag.h"
#include "judge.h"

/* The file of a package where an author lists mutants that cannot be told apart from the
 * original (equivalent): one "SUBMISSION-PATH MUTANT-ID [# why]" a line. */
#define MUTATION_EQUIVALENT_FILE "submissions/equivalent_mutants.txt"

struct mutation_survivor {
    char *path; /* the submission, relative to the package */
    char id[48];
    char *diff; /* the mutation as a unified diff */
};

struct mutation_report {
    size_t generated;  /* mutants made of the accepted C submissions */
    size_t dropped;    /* past MUTANTS_MAX, not judged */
    size_t stillborn;  /* did not compile: not counted */
    size_t equivalent; /* listed in MUTATION_EQUIVALENT_FILE: not counted */
    size_t killed;     /* some test rejected them */
    size_t survived;   /* every test accepted them */
    size_t failed;     /* the judge failed on them (IE): not counted, reported as errors */
    double score;      /* killed / (killed + survived); 1 when nothing counted */
    unsigned elapsed_ms;
    struct mutation_survivor *survivors; /* in source order */
    size_t nsurvivors;
    struct diag errors;   /* the judge's failures, unreadable files */
    struct diag warnings; /* equivalent-list lines that name no mutant */
};

/*
 * Makes every mutant (mutate.h) of each accepted C submission of `pr` and judges it against the
 * tests, in parallel on the `nenv` sandbox slots of `envs` (one thread each), writing sources below
 * `workdir` (created). A mutant is killed by its first failing test. `pr` must be a verified
 * problem: it is only read, by all threads at once. Fills `rep` (released by the caller with
 * mutation_report_release, also on failure); returns 0, or a negative errno when it could not run.
 */
int mutation_run(const struct judge_env *envs, size_t nenv, const struct problem *pr,
                 const char *workdir, struct mutation_report *rep);
void mutation_report_release(struct mutation_report *rep);
/* {"score", "generated", "killed", "survived", "stillborn", "equivalent", "dropped", "failed",
 *  "elapsed_ms", "survivors": [{"path", "id", "diff"}], "errors", "warnings"}: a new reference. */
json_t *mutation_report_json(const struct mutation_report *rep);

#endif
