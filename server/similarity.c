/*
 * Fingerprinting after Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
 * fingerprinting" (2003). The program becomes a stream of normalised tokens: keywords and
 * operators stay, every identifier becomes V, every number N and every string or character
 * literal S, so renaming variables or reformatting changes nothing. Each run of K tokens is
 * hashed; of every window of W consecutive hashes the smallest is kept. Two programs sharing a
 * run of at least K + W - 1 tokens are guaranteed to share a fingerprint.
 */
#define _GNU_SOURCE
#include "similarity.h"

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define K 8 /* tokens per k-gram */
#define W 4 /* k-grams per window */

static const char *const keywords[] = {
    "auto",     "break",  "case",   "char",     "const",    "continue", "default",  "do",
    "double",   "else",   "enum",   "extern",   "float",    "for",      "goto",     "if",
    "inline",   "int",    "long",   "register", "restrict", "return",   "short",    "signed",
    "sizeof",   "static", "struct", "switch",   "typedef",  "union",    "unsigned", "void",
    "volatile", "while",  "bool",   "_Bool",    "NULL",     "true",     "false",
};

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

struct tokens {
    uint32_t *t;
    size_t n, cap;
};

static int push(struct tokens *ts, uint32_t h)
{
    if (ts->n == ts->cap) {
        size_t cap = ts->cap ? ts->cap * 2 : 256;
        uint32_t *t = realloc(ts->t, cap * sizeof(*t));
        if (!t)
            return -ENOMEM;
        ts->t = t;
        ts->cap = cap;
    }
    ts->t[ts->n++] = h;
    return 0;
}

static int tokenize(const char *s, struct tokens *ts)
{
    static const char *const ops[] = {"<<=", ">>=", "...", "->", "++", "--", "<<", ">>",
                                      "<=",  ">=",  "==",  "!=", "&&", "||", "+=", "-=",
                                      "*=",  "/=",  "%=",  "&=", "|=", "^="};
    int rc = 0;
    bool line_start = true;
    while (*s && !rc) {
        if (*s == '\n') {
            line_start = true;
            s++;
        } else if (isspace((unsigned char)*s)) {
            s++;
        } else if (line_start && *s == '#') {
            /* Preprocessor lines (#include, #define) are the same in every program. */
            while (*s && *s != '\n')
                s += s[0] == '\\' && s[1] == '\n' ? 2 : 1;
        } else if (s[0] == '/' && s[1] == '/') {
            while (*s && *s != '\n')
                s++;
        } else if (s[0] == '/' && s[1] == '*') {
            const char *e = strstr(s + 2, "*/");
            s = e ? e + 2 : s + strlen(s);
        } else if (isalpha((unsigned char)*s) || *s == '_') {
            line_start = false;
            const char *b = s;
            while (isalnum((unsigned char)*s) || *s == '_')
                s++;
            size_t n = (size_t)(s - b);
            const char *tok = "V";
            for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
                if (strlen(keywords[i]) == n && !strncmp(keywords[i], b, n))
                    tok = keywords[i];
            rc = push(ts, fnv(tok, strlen(tok)));
        } else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
            line_start = false;
            while (isalnum((unsigned char)*s) || *s == '.' || *s == '_' ||
                   ((*s == '+' || *s == '-') && (s[-1] == 'e' || s[-1] == 'E')))
                s++;
            rc = push(ts, fnv("N", 1));
        } else if (*s == '"' || *s == '\'') {
            line_start = false;
            char q = *s++;
            while (*s && *s != q && *s != '\n')
                s += s[0] == '\\' && s[1] ? 2 : 1;
            if (*s == q)
                s++;
            rc = push(ts, fnv("S", 1));
        } else {
            line_start = false;
            size_t n = 1;
            for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
                if (!strncmp(s, ops[i], strlen(ops[i]))) {
                    n = strlen(ops[i]);
                    break;
                }
            rc = push(ts, fnv(s, n));
            s += n;
        }
    }
    return rc;
}

/* The hash of every k-gram; `n` of them (0 when there are fewer than K tokens). */
static uint32_t *kgrams(const struct tokens *ts, size_t *n)
{
    *n = ts->n >= K ? ts->n - K + 1 : 0;
    uint32_t *g = malloc((*n ? *n : 1) * sizeof(*g));
    for (size_t i = 0; g && i < *n; i++) {
        uint32_t h = 0;
        for (size_t j = 0; j < K; j++)
            h = (h * 1000003u) ^ ts->t[i + j];
        g[i] = h;
    }
    return g;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static bool contains(const uint32_t *sorted, size_t n, uint32_t h)
{
    return n && bsearch(&h, sorted, n, sizeof(h), cmp_u32);
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

int similarity_fingerprints(const char *source, const char *template_src, struct fingerprints *out)
{
    out->h = NULL;
    out->n = 0;
    struct tokens ts = {0}, tt = {0};
    size_t ng = 0, nt = 0;
    uint32_t *g = NULL, *tg = NULL;
    int rc = tokenize(source, &ts);
    if (!rc && template_src)
        rc = tokenize(template_src, &tt);
    if (!rc) {
        g = kgrams(&ts, &ng);
        tg = kgrams(&tt, &nt);
        rc = g && tg ? 0 : -ENOMEM;
    }
    if (!rc) {
        nt = unique(tg, nt);
        out->h = malloc((ng ? ng : 1) * sizeof(*out->h));
        rc = out->h ? 0 : -ENOMEM;
    }
    size_t windows = ng > W ? ng - W + 1 : ng ? 1 : 0;
    for (size_t i = 0; !rc && i < windows; i++) {
        size_t end = i + W < ng ? i + W : ng, best = i;
        for (size_t j = i; j < end; j++)
            if (g[j] <= g[best])
                best = j;
        if (!contains(tg, nt, g[best]))
            out->h[out->n++] = g[best];
    }
    if (!rc)
        out->n = unique(out->h, out->n);
    free(ts.t);
    free(tt.t);
    free(g);
    free(tg);
    if (rc)
        similarity_release(out);
    return rc;
}

void similarity_release(struct fingerprints *f)
{
    free(f->h);
    f->h = NULL;
    f->n = 0;
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
    return (double)common / (double)(a->n < b->n ? a->n : b->n);
}
