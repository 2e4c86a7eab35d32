/* pkg: a problem package in the Kattis problem package format, read from a folder. */
#ifndef JUDGE_PKG_H
#define JUDGE_PKG_H

#include <stdbool.h>
#include <stddef.h>

#include "caps.h"
#include "diag.h"
#include "lang.h"

enum pkg_aggregation { PKG_SUM, PKG_MIN };

/* A test group: data/sample, data/secret, or a folder directly under data/secret. */
struct pkg_group {
    char *name;                       /* "sample", "secret", "group1" */
    double points;                    /* what the group is worth in a scoring problem */
    double accept_score;              /* legacy: what one accepted test earns (testdata.yaml) */
    enum pkg_aggregation aggregation; /* sum: a share per test; min: all or nothing */
    bool first_error;                 /* stop judging the group at its first failure */
    char *validator_args; /* output validator arguments for its tests, NULL: the problem's */
    char *input_validator_args;
};

struct pkg_test {
    char *name;     /* path below data/ without extension: "secret/group1/01-small" */
    char *in_path;  /* absolute */
    char *ans_path; /* absolute */
    size_t group;   /* index into pkg.groups */
    bool sample;
};

/*
 * The verdicts of the Kattis format's expectations, as bits: judged's MLE, OLE and SV are run-time
 * errors there (a program that exceeds memory fails at run time), and CE and IE are none of them.
 */
enum {
    PKG_EXPECT_AC = 1,
    PKG_EXPECT_WA = 2,
    PKG_EXPECT_TLE = 4,
    PKG_EXPECT_RTE = 8,
};

/*
 * One expectation of a reference submission (2023-07 draft, submissions.yaml): over the tests it
 * names, every verdict must be permitted and at least one must be required. A folder of the format
 * (accepted/, wrong_answer/, ..., rejected/) brings its own; submissions.yaml adds more.
 */
struct pkg_expect {
    char *tests;        /* NULL: all tests; else a test path or glob: "sample", "secret/group1" */
    unsigned permitted; /* PKG_EXPECT_* bits; 0: any verdict */
    unsigned required;  /* PKG_EXPECT_* bits; 0: none required */
    bool has_score;     /* the submission's score must be within [score_lo, score_hi] */
    double score_lo, score_hi;
    char *source; /* where it comes from, for messages: "folder rejected/", "submissions.yaml" */
};

/* A program of the package: a reference submission or a validator, one file or a folder. */
struct pkg_program {
    char *path;     /* relative to the package: "submissions/accepted/sol.c" */
    char **sources; /* absolute paths of its source files */
    size_t nsources;
    const struct lang *lang;
    char *expected; /* reference submissions: its folder, "accepted", "wrong_answer", ... */
    struct pkg_expect *expects; /* reference submissions: every one must hold */
    size_t nexpects;
    bool explicit_expects; /* submissions.yaml names it: judge every test, not to the first failure
                            */
};

struct pkg {
    char *dir; /* absolute */
    char *slug;
    char *name;
    bool scoring;
    /* type: interactive (legacy: validation: custom interactive): the submission and the output
     * validator run at once, each one's stdout the other's stdin */
    bool interactive;
    /* type: multi-pass: the validator may write nextpass.in, the input of another run */
    bool multipass;
    unsigned passes;   /* limits.validation_passes: runs at most per test (multi-pass; default 2) */
    double time_limit; /* seconds; 0 when problem.yaml gives none (derive it) */
    double time_multiplier; /* slowest accepted run times this gives the limit */
    double safety_margin;
    unsigned memory_mb;
    unsigned output_mb;
    double validation_time;        /* seconds an input validator may take on one test */
    unsigned validation_memory_mb; /* and its memory */
    bool custom_validation;
    char *validator_args; /* the default validator's flags, or the custom one's arguments */
    char *difficulty; /* problem.yaml `difficulty` (judged's own key): easy, medium, hard or NULL */
    char *keywords;   /* problem.yaml `keywords`: the tags, one per line, or NULL */
    char *statement;  /* Markdown */
    char *statement_path;
    char *template_c; /* starter code, or NULL */
    /* attachments/templates/<lang>/: the first file of each language folder, C's too */
    struct pkg_template {
        char lang[16];
        char *text;
    } * templates;
    size_t ntemplates;
    char **include_files; /* include/c/: absolute paths (drivers and headers) */
    size_t ninclude;
    struct pkg_group *groups;
    size_t ngroups;
    struct pkg_test *tests; /* in test order: lexicographic by path */
    size_t ntests;
    struct pkg_program *submissions;
    size_t nsubmissions;
    struct pkg_program *input_validators;
    size_t ninput_validators;
    struct pkg_program *output_validator; /* NULL: the default validator */
    struct diag warnings;
};

/*
 * The expectations of a folder of submissions/ as the format defines them (accepted, rejected,
 * wrong_answer, time_limit_exceeded, run_time_error, brute_force): 0 with `out` filled, -ENOENT
 * for any other folder. Pure and thread-safe.
 */
int pkg_expect_folder(const char *folder, struct pkg_expect *out);
/* "AC", "WA", "TLE", "RTE" to its bit; 0 for anything else. */
unsigned pkg_expect_bit(const char *name);

/* Is `slug` a valid problem id: [a-z0-9][a-z0-9-]*, at most 64 characters? */
bool pkg_slug_valid(const char *slug);

/*
 * Reads the package in folder `dir` as problem `slug` (NULL: the folder's name). Every problem is
 * added to `errors` naming the file; returns 0, -EINVAL when the package is invalid, or another
 * negative errno. On success `*out` is the package; its warnings are in out->warnings.
 */
int pkg_open(const char *dir, const char *slug, struct pkg **out, struct diag *errors);
void pkg_free(struct pkg *p);

/* Number of secret tests; the time limit in ms (0 when not known yet). */
size_t pkg_secret_count(const struct pkg *p);
unsigned pkg_time_limit_ms(const struct pkg *p);

/*
 * The hex BLAKE2b-256 of the package folder `dir`: each regular file's path below it, size and
 * contents, in sorted order (links and anything else are left out). What names a stored package
 * and what a remote worker checks a download against. 0 or a negative errno; hex is written
 * either way. Thread-safe.
 */
int pkg_tree_hash(const char *dir, char hex[65]);

#endif
