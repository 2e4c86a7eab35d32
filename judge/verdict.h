/* verdict: the verdicts a test and a submission get, in one table everything else reads. */
#ifndef JUDGE_VERDICT_H
#define JUDGE_VERDICT_H

#include <stdbool.h>
#include <stddef.h>

/* In the table's order: the order the API, the metrics and the web list them in. */
enum verdict { V_AC, V_WA, V_TLE, V_MLE, V_OLE, V_RE, V_CE, V_SV, V_IE };

/* The number of verdicts: every index of verdict_table(). */
#define VERDICT_COUNT 9

/*
 * One row of the table. The rule that gives a submission its verdict (shared/CONTRACT.md,
 * section 3) reads it: the first test verdict other than AC in test order, or AC, except that a
 * `final` verdict, once the submission has it, is never replaced, and that IE (`outranks`) replaces
 * any other. verdict_combine() applies the rule.
 */
struct verdict_info {
    enum verdict verdict;
    const char *code; /* what the API, the metrics and the database say: "TLE" */
    const char *name; /* for people: "Time limit exceeded" (the web's table says the same) */
    bool per_test;    /* a test can get it (CE is the submission's alone: no test runs) */
    bool final;       /* nothing a later test does changes a submission's verdict once it is this */
    bool outranks;    /* replaces whatever verdict the submission had (the judge's own failure) */
};

/* The table: VERDICT_COUNT rows, row i for verdict i. Static, borrowed, thread-safe. */
const struct verdict_info *verdict_table(void);
/* The row of `v`; IE's for a value out of range. */
const struct verdict_info *verdict_info(enum verdict v);
/* "AC", "WA", ... as in the API; "IE" for a value out of range. Static, thread-safe. */
const char *verdict_code(enum verdict v);
/* The verdict of API code `code` (exact, upper case): 0, or -EINVAL for anything else. */
int verdict_parse(const char *code, enum verdict *out);
/* The codes in the table's order, "AC, WA, TLE, ...", into `buf` (cut to fit). */
void verdict_list(char *buf, size_t size);
/* The submission's verdict `so_far` after a test that got `test` (the rule above). */
enum verdict verdict_combine(enum verdict so_far, enum verdict test);

#endif
