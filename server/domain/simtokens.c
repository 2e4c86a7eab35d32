/*
 * simtokens: a C program as the stream of normalised tokens the similarity measures compare
 * (similarity.c's theory of operation says what is normalised and why).
 */
#define _GNU_SOURCE
#include "simtokens.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

uint32_t sim_hash(const char *s)
{
    return fnv(s, strlen(s));
}

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

int sim_lex(const char *s, struct toks *ts)
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
            t.h = sim_hash(norm ? norm : "V");
        } else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
            while (isalnum((unsigned char)*s) || *s == '.' || *s == '_' ||
                   ((*s == '+' || *s == '-') && (s[-1] == 'e' || s[-1] == 'E')))
                s++;
            t.cls = T_NUM;
            t.h = sim_hash("N");
        } else if (*s == '"' || *s == '\'') {
            char q = *s++;
            while (*s && *s != q && *s != '\n')
                s += s[0] == '\\' && s[1] ? 2 : 1;
            if (*s == q)
                s++;
            t.cls = T_STR;
            t.h = sim_hash("S");
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

bool sim_is(const struct toks *ts, size_t i, const char *text)
{
    return i < ts->n && ts->t[i].raw == sim_hash(text);
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
        if (sim_is(ts, i, "(") || sim_is(ts, i, "{")) {
            stack[depth++] = i;
        } else if (sim_is(ts, i, ")") || sim_is(ts, i, "}")) {
            /* A closer of the other kind ends what it closes and whatever is left open in it. */
            const char *open = sim_is(ts, i, ")") ? "(" : "{";
            size_t d = depth;
            while (d && !sim_is(ts, stack[d - 1], open))
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
                                   sim_is(in, i - 1, ")") || sim_is(in, i - 1, "]"));
    if ((sim_is(in, i, "++") || sim_is(in, i, "--")) && !after_operand && i + 1 < in->n &&
        t[i + 1].cls == T_ID && !sim_is(in, i + 2, "[") && !sim_is(in, i + 2, "(")) {
        up = sim_is(in, i, "++"); /* ++v */
        v = t[i + 1];
        span = 2;
    } else if (t[i].cls == T_ID && !after_operand &&
               (sim_is(in, i + 1, "+=") || sim_is(in, i + 1, "-=")) && sim_is(in, i + 2, "1") &&
               (sim_is(in, i + 3, ";") || sim_is(in, i + 3, ")") || sim_is(in, i + 3, ","))) {
        up = sim_is(in, i + 1, "+="); /* v += 1 */
        v = t[i];
        span = 3;
    } else if (t[i].cls == T_ID && !after_operand && sim_is(in, i + 1, "=") && i + 4 < in->n &&
               t[i + 2].raw == t[i].raw && (sim_is(in, i + 3, "+") || sim_is(in, i + 3, "-")) &&
               sim_is(in, i + 4, "1") &&
               (sim_is(in, i + 5, ";") || sim_is(in, i + 5, ")") || sim_is(in, i + 5, ","))) {
        up = sim_is(in, i + 3, "+"); /* v = v + 1 */
        v = t[i];
        span = 5;
    }
    if (!span)
        return 0;
    struct tok op = {.h = sim_hash(up ? "++" : "--"), .line = v.line, .cls = T_OP};
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
    if (sim_is(ts, i, "{"))
        return match[i] < ts->n ? match[i] : i;
    static const char *const compound[] = {"if", "for", "while", "do", "switch", "{", ";"};
    for (size_t k = 0; k < sizeof(compound) / sizeof(compound[0]); k++)
        if (sim_is(ts, i, compound[k]))
            return i;
    int depth = 0;
    for (size_t j = i; j < ts->n && j < i + MAX_SIMPLE_BODY; j++) {
        depth += sim_is(ts, j, "(") - sim_is(ts, j, ")");
        if (!depth && sim_is(ts, j, ";"))
            return j + 1;
    }
    return i;
}

int sim_normalise(const struct toks *in, struct toks *out)
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
                struct tok semi = {
                    .h = sim_hash(";"), .line = out->t[out->n - 1].line, .cls = T_OP};
                semi.raw = semi.h;
                rc = push(out, semi);
            }
        }
        if (i == in->n || rc)
            break;
        if (sim_is(in, i, "{") || sim_is(in, i, "}")) {
            cut = true;
            i++;
            continue;
        }
        size_t start = out->n;
        if (sim_is(in, i, "for") && sim_is(in, i + 1, "(")) {
            size_t close = match[i + 1], s1 = 0, s2 = 0;
            int depth = 0;
            bool header = close < in->n && close - i <= MAX_SIMPLE_BODY;
            for (size_t j = i + 1; header && j < close; j++) {
                depth += sim_is(in, j, "(") - sim_is(in, j, ")");
                if (depth == 1 && sim_is(in, j, ";"))
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
