/* mutate: realistic one-token mistakes (mutants) of a C program, to measure how strong tests are.
 */
#ifndef JUDGE_MUTATE_H
#define JUDGE_MUTATE_H

#include <stddef.h>

/*
 * The kinds of mutation, each a mistake people make:
 *   rel-op      a comparison changed at its boundary: < <=, > >=, == !=
 *   arith-op    an arithmetic operator swapped: + -, * /, % /, += -=, *= /=, ++ --
 *   logic-op    && and || swapped
 *   const       an integer constant off by one (+1, and -1 for constants above 0)
 *   narrow      a type narrowed: long long, long, int64_t, size_t to int or unsigned; double to
 *               float
 *   no-branch   a condition that never holds: if (C) to if (0), the branch removed
 *   no-guard    a condition that always holds: if (C) to if (1), the guard removed
 *   early-ret   a function returns 0 instead of its value: return E; to return 0;
 *   array-size  an array declared half as large: T a[N] to T a[(N) / 2]
 * Comments, string and character literals and preprocessor lines are never mutated.
 */
struct mutant {
    char id[48];        /* "rel-op@12:15": the kind, the line and the column, and "~2" for a
                           second mutant of the kind there; stable as long as the line is */
    const char *kind;   /* one of the names above (static) */
    unsigned line, col; /* 1-based, of the replaced text */
    size_t offset, len; /* the replaced bytes of the source */
    char repl[48];      /* what replaces them */
};

/* Upper bound on the mutants of one source; past it the rest are dropped (and counted). */
#define MUTANTS_MAX 2000

/*
 * Lists the mutants of the C source `src` (`len` bytes) in source order into *out (allocated; the
 * caller frees it) and their number into *n; *dropped counts mutants past MUTANTS_MAX. Returns 0,
 * or -ENOMEM (out-parameters untouched). Pure: no I/O, safe from any thread.
 */
int mutate_list(const char *src, size_t len, struct mutant **out, size_t *n, size_t *dropped);

/* The source with mutant `m` applied, NUL-terminated and allocated; NULL when out of memory. */
char *mutate_apply(const char *src, size_t len, const struct mutant *m);

/*
 * The change as a one-hunk unified diff of `path` ("--- a/PATH", "+++ b/PATH", "@@ -L +L @@",
 * the old and the new line), allocated; NULL when out of memory.
 */
char *mutate_diff(const char *src, size_t len, const struct mutant *m, const char *path);

#endif
