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

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define K 6 /* tokens per k-gram */
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

static uint32_t fnv_str(const char *s)
{
    return fnv(s, strlen(s));
}

enum tok_class { T_KEY, T_ID, T_NUM, T_STR, T_OP };

struct tok {
    uint32_t h;    /* the normalised token */
    uint32_t raw;  /* the text as written: tells identifiers apart, finds the literal 1 */
    uint32_t line; /* 1-based */
    uint8_t cls;
    bool cut; /* a statement starts here (a brace was dropped before it) */
};

struct toks {
    struct tok *t;
    size_t n, cap;
};

static int push(struct toks *ts, struct tok t)
{
    if (ts->n == ts->cap) {
        size_t cap = ts->cap ? ts->cap * 2 : 256;
        struct tok *p = realloc(ts->t, cap * sizeof(*p));
        if (!p)
            return -ENOMEM;
        ts->t = p;
        ts->cap = cap;
    }
    ts->t[ts->n++] = t;
    return 0;
}

static int lex(const char *s, struct toks *ts)
{
    static const char *const ops[] = {"<<=", ">>=", "...", "->", "++", "--", "<<", ">>",
                                      "<=",  ">=",  "==",  "!=", "&&", "||", "+=", "-=",
                                      "*=",  "/=",  "%=",  "&=", "|=", "^="};
    int rc = 0;
    bool line_start = true;
    uint32_t line = 1;
    while (*s && !rc) {
        struct tok t = {.line = line};
        if (*s == '\n') {
            line_start = true;
            line++;
            s++;
            continue;
        }
        if (isspace((unsigned char)*s)) {
            s++;
            continue;
        }
        if (line_start && *s == '#') {
            /* Preprocessor lines (#include, #define) are the same in every program. */
            while (*s && *s != '\n') {
                if (s[0] == '\\' && s[1] == '\n')
                    line++;
                s += s[0] == '\\' && s[1] == '\n' ? 2 : 1;
            }
            continue;
        }
        if (s[0] == '/' && s[1] == '/') {
            while (*s && *s != '\n')
                s++;
            continue;
        }
        if (s[0] == '/' && s[1] == '*') {
            const char *e = strstr(s + 2, "*/");
            const char *end = e ? e + 2 : s + strlen(s);
            for (; s < end; s++)
                line += *s == '\n';
            continue;
        }
        line_start = false;
        const char *b = s;
        if (isalpha((unsigned char)*s) || *s == '_') {
            while (isalnum((unsigned char)*s) || *s == '_')
                s++;
            size_t n = (size_t)(s - b);
            const char *norm = NULL;
            for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
                if (strlen(keywords[i]) == n && !strncmp(keywords[i], b, n))
                    norm = keywords[i];
            t.cls = norm ? T_KEY : T_ID;
            if (norm && (!strcmp(norm, "for") || !strcmp(norm, "while") || !strcmp(norm, "do")))
                norm = "LOOP";
            t.h = fnv_str(norm ? norm : "V");
        } else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
            while (isalnum((unsigned char)*s) || *s == '.' || *s == '_' ||
                   ((*s == '+' || *s == '-') && (s[-1] == 'e' || s[-1] == 'E')))
                s++;
            t.cls = T_NUM;
            t.h = fnv_str("N");
        } else if (*s == '"' || *s == '\'') {
            char q = *s++;
            while (*s && *s != q && *s != '\n')
                s += s[0] == '\\' && s[1] ? 2 : 1;
            if (*s == q)
                s++;
            t.cls = T_STR;
            t.h = fnv_str("S");
        } else {
            size_t n = 1;
            for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
                if (!strncmp(s, ops[i], strlen(ops[i]))) {
                    n = strlen(ops[i]);
                    break;
                }
            s += n;
            t.cls = T_OP;
            t.h = fnv(b, n);
        }
        t.raw = fnv(b, (size_t)(s - b));
        rc = push(ts, t);
    }
    return rc;
}

/*** Normalisation ***/

static bool is(const struct toks *ts, size_t i, const char *text)
{
    return i < ts->n && ts->t[i].raw == fnv_str(text);
}

/*
 * match[i]: the index of the bracket closing the '(' or '{' at i, or n when it is never closed;
 * one pass with a stack, so unbalanced input costs no more than balanced. NULL on -ENOMEM.
 */
static size_t *brackets(const struct toks *ts)
{
    size_t *match = malloc((ts->n + 1) * sizeof(*match));
    size_t *stack = malloc((ts->n + 1) * sizeof(*stack));
    size_t depth = 0;
    for (size_t i = 0; match && stack && i < ts->n; i++) {
        match[i] = ts->n;
        if (is(ts, i, "(") || is(ts, i, "{")) {
            stack[depth++] = i;
        } else if (is(ts, i, ")") || is(ts, i, "}")) {
            /* A closer of the other kind ends what it closes and whatever is left open in it. */
            const char *open = is(ts, i, ")") ? "(" : "{";
            size_t d = depth;
            while (d && !is(ts, stack[d - 1], open))
                d--;
            if (d) {
                match[stack[d - 1]] = i;
                depth = d - 1;
            }
        }
    }
    free(stack);
    if (!stack) {
        free(match);
        return NULL;
    }
    return match;
}

/* Copies the increment at `i` as `V ++` (or `V --`); returns how many tokens it spans, or 0. */
static size_t increment(const struct toks *in, size_t i, struct toks *out, int *rc)
{
    const struct tok *t = in->t;
    size_t span = 0;
    bool up = true;
    struct tok v = {0};
    bool after_operand = i > 0 && (t[i - 1].cls == T_ID || t[i - 1].cls == T_NUM ||
                                   is(in, i - 1, ")") || is(in, i - 1, "]"));
    if ((is(in, i, "++") || is(in, i, "--")) && !after_operand && i + 1 < in->n &&
        t[i + 1].cls == T_ID && !is(in, i + 2, "[") && !is(in, i + 2, "(")) {
        up = is(in, i, "++"); /* ++v */
        v = t[i + 1];
        span = 2;
    } else if (t[i].cls == T_ID && !after_operand && (is(in, i + 1, "+=") || is(in, i + 1, "-=")) &&
               is(in, i + 2, "1") &&
               (is(in, i + 3, ";") || is(in, i + 3, ")") || is(in, i + 3, ","))) {
        up = is(in, i + 1, "+="); /* v += 1 */
        v = t[i];
        span = 3;
    } else if (t[i].cls == T_ID && !after_operand && is(in, i + 1, "=") && i + 4 < in->n &&
               t[i + 2].raw == t[i].raw && (is(in, i + 3, "+") || is(in, i + 3, "-")) &&
               is(in, i + 4, "1") &&
               (is(in, i + 5, ";") || is(in, i + 5, ")") || is(in, i + 5, ","))) {
        up = is(in, i + 3, "+"); /* v = v + 1 */
        v = t[i];
        span = 5;
    }
    if (!span)
        return 0;
    struct tok op = {.h = fnv_str(up ? "++" : "--"), .line = v.line, .cls = T_OP};
    op.raw = op.h;
    if (!*rc)
        *rc = push(out, v);
    if (!*rc)
        *rc = push(out, op);
    return span;
}

/* A for loop's step, held back until the end of its body. */
struct pending {
    size_t at;       /* emitted before the token at this index */
    size_t from, to; /* the step's tokens, [from, to) */
};

static int emit_range(const struct toks *in, size_t from, size_t to, struct toks *out)
{
    int rc = 0;
    for (size_t i = from; i < to && !rc;) {
        size_t span = increment(in, i, out, &rc);
        if (!span) {
            rc = push(out, in->t[i]);
            span = 1;
        }
        i += span;
    }
    return rc;
}

/* A loop header or single-statement body longer than this is left as it is (bounds the scans). */
#define MAX_SIMPLE_BODY 256

/* Where the body of a loop whose header ends before `i` ends: at its closing brace, or after
 * the ';' of a single simple statement; `i` itself when the body is a statement of its own kind
 * or cannot be found (the step is then left where the header was). */
static size_t body_end(const struct toks *ts, const size_t *match, size_t i)
{
    if (is(ts, i, "{"))
        return match[i] < ts->n ? match[i] : i;
    static const char *const compound[] = {"if", "for", "while", "do", "switch", "{", ";"};
    for (size_t k = 0; k < sizeof(compound) / sizeof(compound[0]); k++)
        if (is(ts, i, compound[k]))
            return i;
    int depth = 0;
    for (size_t j = i; j < ts->n && j < i + MAX_SIMPLE_BODY; j++) {
        depth += is(ts, j, "(") - is(ts, j, ")");
        if (!depth && is(ts, j, ";"))
            return j + 1;
    }
    return i;
}

static int normalise(const struct toks *in, struct toks *out)
{
    struct pending *pend = NULL;
    size_t npend = 0;
    int rc = 0;
    bool cut = true;
    pend = malloc((in->n + 1) * sizeof(*pend));
    size_t *match = brackets(in);
    if (!pend || !match) {
        free(pend);
        free(match);
        return -ENOMEM;
    }
    for (size_t i = 0; i <= in->n && !rc;) {
        /* Steps due here, innermost loop first (<=: malformed code may have jumped past one). */
        while (npend && pend[npend - 1].at <= i && !rc) {
            npend--;
            size_t before = out->n;
            rc = emit_range(in, pend[npend].from, pend[npend].to, out);
            if (!rc && out->n > before) {
                out->t[before].cut = true;
                struct tok semi = {.h = fnv_str(";"), .line = out->t[out->n - 1].line, .cls = T_OP};
                semi.raw = semi.h;
                rc = push(out, semi);
            }
        }
        if (i == in->n || rc)
            break;
        if (is(in, i, "{") || is(in, i, "}")) {
            cut = true;
            i++;
            continue;
        }
        size_t start = out->n;
        if (is(in, i, "for") && is(in, i + 1, "(")) {
            size_t close = match[i + 1], s1 = 0, s2 = 0;
            int depth = 0;
            bool header = close < in->n && close - i <= MAX_SIMPLE_BODY;
            for (size_t j = i + 1; header && j < close; j++) {
                depth += is(in, j, "(") - is(in, j, ")");
                if (depth == 1 && is(in, j, ";"))
                    s1 ? (void)(s2 = s2 ? s2 : j) : (void)(s1 = j);
            }
            if (close < in->n && s1 && s2) {
                /* A; LOOP (B) body C; */
                rc = emit_range(in, i + 2, s1 + 1, out);
                if (!rc && out->n == start + 1)
                    out->n = start; /* no initialisation: drop the lone ';' */
                struct tok loop = in->t[i];
                loop.cut = out->n > start;
                if (!rc)
                    rc = push(out, loop);
                struct tok open = in->t[i + 1];
                if (!rc)
                    rc = push(out, open);
                if (!rc)
                    rc = emit_range(in, s1 + 1, s2, out);
                if (!rc)
                    rc = push(out, in->t[close]);
                size_t end = body_end(in, match, close + 1);
                if (end == close + 1 || end >= in->n) {
                    if (!rc)
                        rc = emit_range(in, s2 + 1, close, out);
                } else {
                    /* Innermost steps are on top: a later loop's body ends no later. */
                    pend[npend++] = (struct pending){end, s2 + 1, close};
                }
                if (out->n > start)
                    out->t[start].cut = cut;
                cut = false;
                i = close + 1;
                continue;
            }
        }
        size_t span = increment(in, i, out, &rc);
        if (!span) {
            rc = push(out, in->t[i]);
            span = 1;
        }
        if (!rc && out->n > start)
            out->t[start].cut = cut;
        cut = false;
        i += span;
    }
    free(pend);
    free(match);
    return rc;
}

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
    return t->h == fnv_str("if") || t->h == fnv_str("LOOP") || t->h == fnv_str("switch");
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
        if (t->h == fnv_str("(")) {
            depth++;
        } else if (t->h == fnv_str(")")) {
            depth--;
            if ((size_t)depth == header_close) {
                header_close = (size_t)-1;
                if (i + 1 < ts->n)
                    ts->t[i + 1].cut = true;
            }
        } else if (header_kw(t) && i + 1 < ts->n && ts->t[i + 1].h == fnv_str("(")) {
            header_close = (size_t)depth;
        } else if ((t->h == fnv_str(";") && depth <= 0) || t->h == fnv_str("else") ||
                   (t->h == fnv_str("LOOP") &&
                    !(i + 1 < ts->n && ts->t[i + 1].h == fnv_str("(")))) {
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
    int rc = lex(src, &raw);
    if (!rc)
        rc = normalise(&raw, norm);
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
