/*
 * similarity: how alike two C programs are, in a way that survives disguise. Identifiers,
 * literals, whitespace, comments, braces, the loop form (for, while, do) and the spelling of an
 * increment (i++, ++i, i += 1, i = i + 1) do not count, and what the starter template already
 * holds is left out. Two measures: winnowed token fingerprints (as MOSS does) and the longest
 * common subsequence of normalised statements, which junk statements inserted between the copied
 * ones cannot break. Pure functions over caller-owned data: safe from any thread.
 */
#ifndef SERVER_SIMILARITY_H
#define SERVER_SIMILARITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fingerprints {
    uint32_t *h; /* sorted, unique */
    uint32_t
        *at; /* at[i]: index of the first normalised token of the first k-gram hashing to h[i] */
    size_t n;
};

/* The winnowed fingerprints of `source`, leaving out every k-gram that `template` (or NULL) has.
 * 0 or -ENOMEM; on failure *out is empty. Release with similarity_release(). */
int similarity_fingerprints(const char *source, const char *template_src, struct fingerprints *out);
void similarity_release(struct fingerprints *f);

/* |A ∩ B| / max(min(|A|, |B|), max(|A|, |B|) / 2): 1 when one program is contained in the other
 * and at least half its size; 0 when either is empty. */
double similarity_score(const struct fingerprints *a, const struct fingerprints *b);

/* A program prepared for comparison (opaque): its fingerprints, and its statements with lines. */
struct sim_doc;

/* Prepares `source` (template_src may be NULL). 0, or -ENOMEM with *out untouched. The caller
 * owns *out and frees it with similarity_doc_free() (NULL is fine). */
int similarity_doc_new(const char *source, const char *template_src, struct sim_doc **out);
void similarity_doc_free(struct sim_doc *d);
/* Borrowed; lives as long as `d`. */
const struct fingerprints *similarity_doc_fingerprints(const struct sim_doc *d);
/* Whether the program is big enough (beyond the template) to call a copy. */
bool similarity_doc_comparable(const struct sim_doc *d);

struct similarity_result {
    double score;        /* what is flagged: the fingerprints, or their mean with the structure */
    double fingerprints; /* fingerprint containment (similarity_score) */
    double structure;    /* common statements in order, over the statements as the fingerprints */
    size_t statements_a, statements_b, common_statements;
};

/* Compares two prepared programs; symmetric. -ENOMEM, or 0 with *r filled. */
int similarity_compare(const struct sim_doc *a, const struct sim_doc *b,
                       struct similarity_result *r);

/* Why a pair scored as it did: up to `max` sentences of at most SIMILARITY_REASON_LEN bytes each,
 * written to `out`; returns how many. */
#define SIMILARITY_REASON_LEN 200
size_t similarity_reasons(const struct similarity_result *r, char (*out)[SIMILARITY_REASON_LEN],
                          size_t max);

/* Lines (1-based, inclusive) of `a` and of `b` that match each other. */
struct similarity_region {
    unsigned a_from, a_to, b_from, b_to;
};

/* The matching regions of two programs, in a's line order, from the shared fingerprints and the
 * common statements, merged where they touch. 0 with *out (caller frees; NULL when *n is 0) and
 * *n set, or -ENOMEM with both untouched. */
int similarity_regions(const struct sim_doc *a, const struct sim_doc *b,
                       struct similarity_region **out, size_t *n);

/* Fewer fingerprints than this and a program is too small to call a copy. */
#define SIMILARITY_MIN_FINGERPRINTS 8
/* Fewer statements than this and the structure measure says nothing. */
#define SIMILARITY_MIN_STATEMENTS 6
/* Statements beyond this are not compared by structure (the table is statements squared). */
#define SIMILARITY_MAX_STATEMENTS 2000
/* Pairs at or above this score are flagged. */
#define SIMILARITY_FLAG 0.6
/* Pairs from this score up to the flag are listed as near misses, for a look, not flagged. */
#define SIMILARITY_NEAR 0.4

#endif
