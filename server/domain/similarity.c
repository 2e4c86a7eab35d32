/*
 * Theory of operation. A program becomes a stream of normalised tokens, then two things are
 * taken from it:
 *
 * 1. Fingerprints, after Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for
 *    document fingerprinting" (2003): each run of K tokens is hashed and of every window of W
 *    consecutive hashes the smallest is kept. Two programs sharing a run of at least K + W - 1
 *    tokens are guaranteed to share a fingerprint. Scored as containment (shared over the
 *    smaller set), so a program padded with extra code still matches the one it holds.
 * 2. Statements: the token stream cut at ';', at braces and after control headers, each
 *    statement hashed. The longest common subsequence of two programs' statements survives junk
 *    statements inserted between copied ones, which break every k-gram that spans them.
 *
 * Normalisation, in order: keywords and operators stay; every identifier becomes V, every number
 * N, every string or character literal S; for, while and do become one LOOP token, and
 * `for (A; B; C) body` becomes `A; LOOP (B) body C;` as a while loop is written; `++i`, `i += 1`
 * and `i = i + 1` become `i++` (and likewise for --); braces are dropped, so a single statement
 * reads the same with or without them. Preprocessor lines and comments are dropped.
 */
#define _GNU_SOURCE
#include "similarity.h"
#include "simtokens.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define K 6 /* tokens per k-gram */
#define W 4 /* k-grams per window */

/*** Statements ***/

struct stmt {
    uint32_t h;
    uint32_t first, last; /* lines */
};

struct sim_doc {
    struct toks toks; /* normalised */
    struct fingerprints fp;
    struct stmt *st;
    size_t nst;
};

static bool header_kw(const struct tok *t)
{
    return t->h == sim_hash("if") || t->h == sim_hash("LOOP") || t->h == sim_hash("switch");
}

/* Cuts the stream into statements; `skip` (sorted, or NULL) holds statements to leave out. */
static int statements(const struct toks *ts, const uint32_t *skip, size_t nskip, struct stmt **out,
                      size_t *n);

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static bool contains(const uint32_t *sorted, size_t n, uint32_t h)
{
    return n && bsearch(&h, sorted, n, sizeof(h), cmp_u32);
}

static int statements(const struct toks *ts, const uint32_t *skip, size_t nskip, struct stmt **out,
                      size_t *n)
{
    struct stmt *st = malloc((ts->n + 1) * sizeof(*st));
    if (!st)
        return -ENOMEM;
    size_t m = 0, begin = 0;
    int depth = 0;
    size_t header_close = (size_t)-1; /* depth at which a control header's ')' ends a statement */
    for (size_t i = 0; i <= ts->n; i++) {
        bool end = i == ts->n || (i > begin && ts->t[i].cut);
        if (end && i > begin) {
            uint32_t h = 2166136261u, first = ts->t[begin].line, last = first;
            for (size_t j = begin; j < i; j++) {
                h = (h ^ ts->t[j].h) * 16777619u;
                first = ts->t[j].line < first ? ts->t[j].line : first;
                last = ts->t[j].line > last ? ts->t[j].line : last;
            }
            if (!contains(skip, nskip, h))
                st[m++] = (struct stmt){h, first, last};
            begin = i;
        }
        if (i == ts->n)
            break;
        const struct tok *t = &ts->t[i];
        if (t->h == sim_hash("(")) {
            depth++;
        } else if (t->h == sim_hash(")")) {
            depth--;
            if ((size_t)depth == header_close) {
                header_close = (size_t)-1;
                if (i + 1 < ts->n)
                    ts->t[i + 1].cut = true;
            }
        } else if (header_kw(t) && i + 1 < ts->n && ts->t[i + 1].h == sim_hash("(")) {
            header_close = (size_t)depth;
        } else if ((t->h == sim_hash(";") && depth <= 0) || t->h == sim_hash("else") ||
                   (t->h == sim_hash("LOOP") &&
                    !(i + 1 < ts->n && ts->t[i + 1].h == sim_hash("(")))) {
            if (i + 1 < ts->n)
                ts->t[i + 1].cut = true;
        }
    }
    *out = st;
    *n = m;
    return 0;
}

/*** Fingerprints ***/

/* The hash of every k-gram; `n` of them (0 when there are fewer than K tokens). */
static uint32_t *kgrams(const struct toks *ts, size_t *n)
{
    *n = ts->n >= K ? ts->n - K + 1 : 0;
    uint32_t *g = malloc((*n ? *n : 1) * sizeof(*g));
    for (size_t i = 0; g && i < *n; i++) {
        uint32_t h = 0;
        for (size_t j = 0; j < K; j++)
            h = (h * 1000003u) ^ ts->t[i + j].h;
        g[i] = h;
    }
    return g;
}

static size_t unique(uint32_t *h, size_t n)
{
    qsort(h, n, sizeof(*h), cmp_u32);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || h[m - 1] != h[i])
            h[m++] = h[i];
    return m;
}

struct hp {
    uint32_t h, at;
};

static int cmp_hp(const void *a, const void *b)
{
    const struct hp *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

static int winnow(const struct toks *ts, const uint32_t *tg, size_t nt, struct fingerprints *out)
{
    size_t ng = 0;
    uint32_t *g = kgrams(ts, &ng);
    struct hp *kept = malloc((ng ? ng : 1) * sizeof(*kept));
    int rc = g && kept ? 0 : -ENOMEM;
    size_t nk = 0;
    size_t windows = ng > W ? ng - W + 1 : ng ? 1 : 0;
    for (size_t i = 0; !rc && i < windows; i++) {
        size_t end = i + W < ng ? i + W : ng, best = i;
        for (size_t j = i; j < end; j++)
            if (g[j] <= g[best])
                best = j;
        if (!contains(tg, nt, g[best]))
            kept[nk++] = (struct hp){g[best], (uint32_t)best};
    }
    if (!rc) {
        qsort(kept, nk, sizeof(*kept), cmp_hp);
        out->h = malloc((nk ? nk : 1) * sizeof(*out->h));
        out->at = malloc((nk ? nk : 1) * sizeof(*out->at));
        rc = out->h && out->at ? 0 : -ENOMEM;
    }
    for (size_t i = 0; !rc && i < nk; i++)
        if (!out->n || out->h[out->n - 1] != kept[i].h) {
            out->h[out->n] = kept[i].h;
            out->at[out->n++] = kept[i].at;
        }
    free(g);
    free(kept);
    return rc;
}

/*** Documents ***/

void similarity_doc_free(struct sim_doc *d)
{
    if (!d)
        return;
    free(d->toks.t);
    similarity_release(&d->fp);
    free(d->st);
    free(d);
}

static int prepare(const char *src, struct toks *norm)
{
    struct toks raw = {0};
    int rc = sim_lex(src, &raw);
    if (!rc)
        rc = sim_normalise(&raw, norm);
    free(raw.t);
    return rc;
}

int similarity_doc_new(const char *source, const char *template_src, struct sim_doc **out)
{
    struct sim_doc *d = calloc(1, sizeof(*d));
    struct toks tt = {0};
    struct stmt *tst = NULL;
    size_t ntst = 0, nt = 0;
    uint32_t *tg = NULL, *tsh = NULL;
    int rc = d ? 0 : -ENOMEM;
    if (!rc)
        rc = prepare(source, &d->toks);
    if (!rc && template_src)
        rc = prepare(template_src, &tt);
    if (!rc) {
        tg = kgrams(&tt, &nt);
        rc = tg ? 0 : -ENOMEM;
    }
    if (!rc) {
        nt = unique(tg, nt);
        rc = statements(&tt, NULL, 0, &tst, &ntst);
    }
    if (!rc) {
        tsh = malloc((ntst ? ntst : 1) * sizeof(*tsh));
        rc = tsh ? 0 : -ENOMEM;
    }
    for (size_t i = 0; !rc && i < ntst; i++)
        tsh[i] = tst[i].h;
    if (!rc)
        ntst = unique(tsh, ntst);
    if (!rc)
        rc = winnow(&d->toks, tg, nt, &d->fp);
    if (!rc)
        rc = statements(&d->toks, tsh, ntst, &d->st, &d->nst);
    free(tt.t);
    free(tg);
    free(tst);
    free(tsh);
    if (rc)
        similarity_doc_free(d);
    else
        *out = d;
    return rc;
}

const struct fingerprints *similarity_doc_fingerprints(const struct sim_doc *d)
{
    return &d->fp;
}

bool similarity_doc_comparable(const struct sim_doc *d)
{
    return d->fp.n >= SIMILARITY_MIN_FINGERPRINTS;
}

int similarity_fingerprints(const char *source, const char *template_src, struct fingerprints *out)
{
    struct sim_doc *d = NULL;
    out->h = NULL;
    out->at = NULL;
    out->n = 0;
    int rc = similarity_doc_new(source, template_src, &d);
    if (rc)
        return rc;
    *out = d->fp;
    d->fp = (struct fingerprints){0};
    similarity_doc_free(d);
    return 0;
}

void similarity_release(struct fingerprints *f)
{
    free(f->h);
    free(f->at);
    f->h = NULL;
    f->at = NULL;
    f->n = 0;
}

/*
 * What `common` is a share of: the smaller side, as a copy padded with extra code must still
 * match the program it holds, but never less than half the larger side, as a tiny program (a
 * loop and a return) sits inside almost any larger one of the same problem.
 */
static double share(size_t common, size_t na, size_t nb)
{
    size_t small = na < nb ? na : nb, big = na < nb ? nb : na;
    size_t of = small > big / 2 ? small : big / 2;
    return of ? (double)common / (double)of : 0;
}

double similarity_score(const struct fingerprints *a, const struct fingerprints *b)
{
    if (!a->n || !b->n)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] == b->h[j]) {
            common++;
            i++;
            j++;
        } else if (a->h[i] < b->h[j]) {
            i++;
        } else {
            j++;
        }
    }
    return share(common, a->n, b->n);
}

/*** Comparison ***/

/* The LCS table of the statements, (na + 1) x (nb + 1), row-major; NULL on -ENOMEM. */
static uint16_t *lcs_table(const struct sim_doc *a, const struct sim_doc *b, size_t *na, size_t *nb)
{
    *na = a->nst < SIMILARITY_MAX_STATEMENTS ? a->nst : SIMILARITY_MAX_STATEMENTS;
    *nb = b->nst < SIMILARITY_MAX_STATEMENTS ? b->nst : SIMILARITY_MAX_STATEMENTS;
    size_t cols = *nb + 1;
    uint16_t *t = calloc((*na + 1) * cols, sizeof(*t));
    for (size_t i = 1; t && i <= *na; i++)
        for (size_t j = 1; j <= *nb; j++) {
            uint16_t up = t[(i - 1) * cols + j], left = t[i * cols + j - 1];
            t[i * cols + j] = a->st[i - 1].h == b->st[j - 1].h ? t[(i - 1) * cols + j - 1] + 1
                              : up > left                      ? up
                                                               : left;
        }
    return t;
}

int similarity_compare(const struct sim_doc *a, const struct sim_doc *b,
                       struct similarity_result *r)
{
    size_t na, nb;
    uint16_t *t = lcs_table(a, b, &na, &nb);
    if (!t)
        return -ENOMEM;
    size_t common = t[na * (nb + 1) + nb];
    free(t);
    memset(r, 0, sizeof(*r));
    r->fingerprints = similarity_score(&a->fp, &b->fp);
    r->statements_a = a->nst;
    r->statements_b = b->nst;
    r->common_statements = common;
    size_t small = na < nb ? na : nb;
    r->structure = small >= SIMILARITY_MIN_STATEMENTS ? share(common, na, nb) : 0;
    /*
     * Fingerprints alone catch a renamed, reformatted copy. Junk statements cut the k-grams but
     * not the statement order, so where the structure says more, the two measures are averaged:
     * a copy keeps both fairly high, while independent solutions of one problem may share a
     * shape (structure) but rarely long runs of tokens (fingerprints).
     */
    double mean = (r->fingerprints + r->structure) / 2;
    r->score = mean > r->fingerprints ? mean : r->fingerprints;
    return 0;
}

size_t similarity_reasons(const struct similarity_result *r, char (*out)[SIMILARITY_REASON_LEN],
                          size_t max)
{
    size_t n = 0;
    if (n < max)
        snprintf(out[n++], SIMILARITY_REASON_LEN,
                 "fingerprints %.0f%%: runs of %d tokens (names, literals and loop forms "
                 "normalised) shared, over the smaller program or half the larger",
                 r->fingerprints * 100, K);
    if (n < max && r->structure > 0)
        snprintf(out[n++], SIMILARITY_REASON_LEN,
                 "%zu of the smaller program's %zu statements appear in the same order in the "
                 "other (structure %.0f%%)",
                 r->common_statements,
                 r->statements_a < r->statements_b ? r->statements_a : r->statements_b,
                 r->structure * 100);
    size_t big = r->statements_a > r->statements_b ? r->statements_a : r->statements_b;
    size_t small = r->statements_a < r->statements_b ? r->statements_a : r->statements_b;
    if (n < max && r->structure >= SIMILARITY_FLAG && big > small + small / 4)
        snprintf(out[n++], SIMILARITY_REASON_LEN,
                 "the larger program has %zu statements more, interleaved with the common ones: "
                 "possibly padding",
                 big - small);
    if (n < max && r->structure >= SIMILARITY_FLAG && r->structure > r->fingerprints + 0.2)
        snprintf(out[n++], SIMILARITY_REASON_LEN,
                 "the statement order matches much better than the token runs: code inserted "
                 "between copied statements breaks the runs");
    return n;
}

static int cmp_region(const void *x, const void *y)
{
    const struct similarity_region *a = x, *b = y;
    if (a->a_from != b->a_from)
        return a->a_from < b->a_from ? -1 : 1;
    return a->b_from < b->b_from ? -1 : a->b_from > b->b_from;
}

/* The lines of the k-gram starting at token `at`. */
static void kgram_lines(const struct sim_doc *d, uint32_t at, unsigned *from, unsigned *to)
{
    *from = *to = d->toks.t[at].line;
    for (size_t j = at; j < at + K && j < d->toks.n; j++) {
        *from = d->toks.t[j].line < *from ? d->toks.t[j].line : *from;
        *to = d->toks.t[j].line > *to ? d->toks.t[j].line : *to;
    }
}

int similarity_regions(const struct sim_doc *a, const struct sim_doc *b,
                       struct similarity_region **out, size_t *n)
{
    size_t na, nb;
    uint16_t *t = lcs_table(a, b, &na, &nb);
    struct similarity_region *r = malloc((a->fp.n + na + 1) * sizeof(*r));
    unsigned *weight = malloc((a->fp.n + na + 1) * sizeof(*weight));
    int rc = t && r && weight ? 0 : -ENOMEM;
    size_t m = 0;
    /* Shared fingerprints. */
    for (size_t i = 0, j = 0; !rc && i < a->fp.n && j < b->fp.n;) {
        if (a->fp.h[i] == b->fp.h[j]) {
            struct similarity_region g;
            kgram_lines(a, a->fp.at[i], &g.a_from, &g.a_to);
            kgram_lines(b, b->fp.at[j], &g.b_from, &g.b_to);
            r[m++] = g;
            i++;
            j++;
        } else if (a->fp.h[i] < b->fp.h[j]) {
            i++;
        } else {
            j++;
        }
    }
    /* Common statements, walking the LCS table back. */
    size_t cols = nb + 1;
    for (size_t i = na, j = nb; !rc && i > 0 && j > 0;) {
        if (a->st[i - 1].h == b->st[j - 1].h) {
            r[m++] = (struct similarity_region){a->st[i - 1].first, a->st[i - 1].last,
                                                b->st[j - 1].first, b->st[j - 1].last};
            i--;
            j--;
        } else if (t[(i - 1) * cols + j] >= t[i * cols + j - 1]) {
            i--;
        } else {
            j--;
        }
    }
    free(t);
    if (rc) {
        free(r);
        free(weight);
        return rc;
    }
    /* Merge what touches in both programs (a line of junk between is still touching). */
    qsort(r, m, sizeof(*r), cmp_region);
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        struct similarity_region *p = k ? &r[k - 1] : NULL;
        if (p && r[i].a_from <= p->a_to + 2 && r[i].b_from <= p->b_to + 2 &&
            r[i].b_to + 2 >= p->b_from) {
            p->a_to = r[i].a_to > p->a_to ? r[i].a_to : p->a_to;
            p->b_from = r[i].b_from < p->b_from ? r[i].b_from : p->b_from;
            p->b_to = r[i].b_to > p->b_to ? r[i].b_to : p->b_to;
            weight[k - 1]++;
        } else {
            weight[k] = 1;
            r[k++] = r[i];
        }
    }
    /* One lone match (a `return x;` both happen to have) is no region worth showing. */
    size_t kept = 0;
    for (size_t i = 0; i < k; i++)
        if (weight[i] > 1)
            r[kept++] = r[i];
    k = kept;
    free(weight);
    if (!k) {
        free(r);
        r = NULL;
    }
    *out = r;
    *n = k;
    return 0;
}
