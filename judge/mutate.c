/*
 * Mutants of a C program. A small lexer splits the source into identifiers, numbers and
 * punctuators (skipping comments, literals and preprocessor lines), then each mutation operator
 * looks at a token and its neighbours. Operators are rows of tables where they can be; the few that
 * need context (is this `*` a multiplication? is this `[` a declaration?) decide from the tokens
 * before it. A guess that is wrong makes a mutant that does not compile; the caller counts those
 * apart ("stillborn") and leaves them out of the score, as mutation tools do.
 */
#define _GNU_SOURCE
#include "mutate.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum tok_kind { T_IDENT, T_NUMBER, T_PUNCT };

struct tok {
    enum tok_kind kind;
    size_t off, len;
    unsigned line, col;
};

struct lexer {
    const char *s;
    size_t len, pos;
    unsigned line;
    size_t line_start;
    bool line_begun; /* a token other than white space came before on this line */
};

static const char *const puncts[] = {
    ">>=", "<<=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
    "&&",  "||",  "+=",  "-=", "*=", "/=", "%=", "&=", "^=", "|=", "##", NULL,
};

static void advance(struct lexer *lx, size_t n)
{
    for (size_t i = 0; i < n && lx->pos < lx->len; i++) {
        if (lx->s[lx->pos] == '\n') {
            lx->line++;
            lx->line_start = lx->pos + 1;
            lx->line_begun = false;
        }
        lx->pos++;
    }
}

/* Skips white space, comments, literals and preprocessor lines; false at the end. */
static bool skip_noise(struct lexer *lx)
{
    while (lx->pos < lx->len) {
        const char *p = lx->s + lx->pos;
        size_t left = lx->len - lx->pos;
        if (isspace((unsigned char)*p)) {
            advance(lx, 1);
        } else if (left >= 2 && p[0] == '/' && p[1] == '/') {
            while (lx->pos < lx->len && lx->s[lx->pos] != '\n')
                advance(lx, 1);
        } else if (left >= 2 && p[0] == '/' && p[1] == '*') {
            advance(lx, 2);
            while (lx->pos + 1 < lx->len && !(lx->s[lx->pos] == '*' && lx->s[lx->pos + 1] == '/'))
                advance(lx, 1);
            advance(lx, 2);
        } else if (*p == '#' && !lx->line_begun) {
            /* A preprocessor line, with its continuations: #include <a> has no comparison. */
            while (lx->pos < lx->len && lx->s[lx->pos] != '\n') {
                if (lx->s[lx->pos] == '\\' && lx->pos + 1 < lx->len && lx->s[lx->pos + 1] == '\n')
                    advance(lx, 1);
                advance(lx, 1);
            }
        } else if (*p == '"' || *p == '\'') {
            char q = *p;
            advance(lx, 1);
            while (lx->pos < lx->len && lx->s[lx->pos] != q && lx->s[lx->pos] != '\n') {
                if (lx->s[lx->pos] == '\\')
                    advance(lx, 1);
                advance(lx, 1);
            }
            advance(lx, 1);
            lx->line_begun = true;
        } else {
            return true;
        }
    }
    return false;
}

static bool next_token(struct lexer *lx, struct tok *t)
{
    if (!skip_noise(lx))
        return false;
    const char *p = lx->s + lx->pos;
    size_t left = lx->len - lx->pos, n = 1;
    t->off = lx->pos;
    t->line = lx->line;
    t->col = (unsigned)(lx->pos - lx->line_start) + 1;
    if (isalpha((unsigned char)*p) || *p == '_') {
        t->kind = T_IDENT;
        while (n < left && (isalnum((unsigned char)p[n]) || p[n] == '_'))
            n++;
    } else if (isdigit((unsigned char)*p) ||
               (*p == '.' && left > 1 && isdigit((unsigned char)p[1]))) {
        t->kind = T_NUMBER;
        while (n < left) {
            char c = p[n];
            bool exp_sign =
                (c == '+' || c == '-') && strchr("eEpP", p[n - 1]) &&
                !(p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && strchr("eE", p[n - 1]));
            if (isalnum((unsigned char)c) || c == '.' || c == '_' || exp_sign)
                n++;
            else
                break;
        }
    } else {
        t->kind = T_PUNCT;
        for (const char *const *q = puncts; *q; q++) {
            size_t k = strlen(*q);
            if (k <= left && !memcmp(p, *q, k)) {
                n = k;
                break;
            }
        }
    }
    t->len = n;
    advance(lx, n);
    lx->line_begun = true;
    return true;
}

/*** The token list ***/

struct toks {
    struct tok *v;
    size_t n;
    const char *s;
};

static bool is(const struct toks *ts, size_t i, const char *text)
{
    if (i >= ts->n)
        return false;
    size_t k = strlen(text);
    return ts->v[i].len == k && !memcmp(ts->s + ts->v[i].off, text, k);
}

static bool is_any(const struct toks *ts, size_t i, const char *const *texts)
{
    for (; *texts; texts++)
        if (is(ts, i, *texts))
            return true;
    return false;
}

static const char *const type_words[] = {
    "int",      "long",    "short",    "char",    "float",   "double",   "void",
    "unsigned", "signed",  "_Bool",    "bool",    "const",   "volatile", "static",
    "register", "extern",  "struct",   "union",   "enum",    "size_t",   "ssize_t",
    "int8_t",   "int16_t", "int32_t",  "int64_t", "uint8_t", "uint16_t", "uint32_t",
    "uint64_t", "FILE",    "restrict", "inline",  NULL,
};

/* Words after which an operand ends: `return -x`, `sizeof *p` start a new operand. */
static const char *const operand_words[] = {"return", "sizeof", "case", "else", "do", "goto", NULL};

static bool is_type_word(const struct toks *ts, size_t i)
{
    if (i >= ts->n || ts->v[i].kind != T_IDENT)
        return false;
    if (is_any(ts, i, type_words))
        return true;
    /* typedef names by convention: foo_t */
    const struct tok *t = &ts->v[i];
    return t->len > 2 && !memcmp(ts->s + t->off + t->len - 2, "_t", 2);
}

/* Does the token before `i` end an operand, making the operator at `i` binary? */
static bool after_operand(const struct toks *ts, size_t i)
{
    if (i == 0)
        return false;
    const struct tok *p = &ts->v[i - 1];
    if (p->kind == T_NUMBER)
        return true;
    if (p->kind == T_IDENT)
        return !is_type_word(ts, i - 1) && !is_any(ts, i - 1, operand_words);
    return is(ts, i - 1, ")") || is(ts, i - 1, "]") || is(ts, i - 1, "++") || is(ts, i - 1, "--");
}

/* The first token of the statement or declaration that holds token `i`. */
static size_t statement_start(const struct toks *ts, size_t i)
{
    int depth = 0;
    while (i > 0) {
        if (is(ts, i - 1, ")") || is(ts, i - 1, "]"))
            depth++;
        else if (is(ts, i - 1, "(") || is(ts, i - 1, "["))
            depth--;
        if (depth < 0)
            return i;
        if (depth == 0 && (is(ts, i - 1, ";") || is(ts, i - 1, "{") || is(ts, i - 1, "}")))
            return i;
        i--;
    }
    return 0;
}

/* The index of the bracket closing the one at `open`, or ts->n. */
static size_t closing(const struct toks *ts, size_t open, const char *o, const char *c)
{
    int depth = 0;
    for (size_t i = open; i < ts->n; i++) {
        if (is(ts, i, o))
            depth++;
        else if (is(ts, i, c) && --depth == 0)
            return i;
    }
    return ts->n;
}

/*** The operators ***/

struct swap {
    const char *from, *to;
};

static const struct swap rel_ops[] = {
    {"<", "<="}, {"<=", "<"}, {">", ">="}, {">=", ">"}, {"==", "!="}, {"!=", "=="}, {NULL, NULL},
};
static const struct swap arith_ops[] = {
    {"+", "-"}, {"-", "+"}, {"*", "/"}, {"/", "*"}, {"%", "/"}, {NULL, NULL},
};
static const struct swap assign_ops[] = {
    {"+=", "-="}, {"-=", "+="}, {"*=", "/="}, {"/=", "*="},
    {"++", "--"}, {"--", "++"}, {NULL, NULL},
};
static const struct swap logic_ops[] = {{"&&", "||"}, {"||", "&&"}, {NULL, NULL}};
static const struct swap narrow_types[] = {
    {"int64_t", "int32_t"}, {"uint64_t", "uint32_t"}, {"size_t", "unsigned"}, {"double", "float"},
    {NULL, NULL},
};

struct out {
    struct mutant *v;
    size_t n, alloc, dropped;
    bool oom;
};

static void emit(struct out *o, const struct toks *ts, const char *kind, size_t first, size_t last,
                 const char *repl)
{
    if (o->oom)
        return;
    if (o->n == MUTANTS_MAX) {
        o->dropped++;
        return;
    }
    if (o->n == o->alloc) {
        size_t na = o->alloc ? o->alloc * 2 : 64;
        struct mutant *nv = realloc(o->v, na * sizeof(*nv));
        if (!nv) {
            o->oom = true;
            return;
        }
        o->v = nv;
        o->alloc = na;
    }
    struct mutant *m = &o->v[o->n++];
    memset(m, 0, sizeof(*m));
    m->kind = kind;
    m->line = ts->v[first].line;
    m->col = ts->v[first].col;
    m->offset = ts->v[first].off;
    m->len = ts->v[last].off + ts->v[last].len - m->offset;
    snprintf(m->repl, sizeof(m->repl), "%s", repl);
    snprintf(m->id, sizeof(m->id), "%s@%u:%u", kind, m->line, m->col);
    /* A second mutant of one kind at one place (a constant +1 and -1) gets a number: ids are
     * unique within a source. */
    unsigned same = 1;
    for (size_t k = o->n - 1; k-- > 0 && o->v[k].line == m->line && o->v[k].col == m->col;)
        same += o->v[k].kind == kind;
    if (same > 1) {
        size_t used = strlen(m->id);
        snprintf(m->id + used, sizeof(m->id) - used, "~%u", same);
    }
}

static void swaps(struct out *o, const struct toks *ts, size_t i, const char *kind,
                  const struct swap *table, bool binary_only)
{
    for (const struct swap *s = table; s->from; s++) {
        if (!is(ts, i, s->from))
            continue;
        if (binary_only && !after_operand(ts, i))
            return;
        emit(o, ts, kind, i, i, s->to);
        return;
    }
}

static void constant(struct out *o, const struct toks *ts, size_t i)
{
    const struct tok *t = &ts->v[i];
    const char *p = ts->s + t->off;
    /* Decimal integers only, with an optional suffix: 0x.., floats and octal stay as they are. */
    size_t digits = 0;
    while (digits < t->len && isdigit((unsigned char)p[digits]))
        digits++;
    for (size_t k = digits; k < t->len; k++)
        if (!strchr("uUlL", p[k]))
            return;
    if (digits == 0 || digits > 18 || (digits > 1 && p[0] == '0'))
        return;
    unsigned long long v = strtoull(p, NULL, 10);
    char buf[48];
    snprintf(buf, sizeof(buf), "%llu%.*s", v + 1, (int)(t->len - digits), p + digits);
    emit(o, ts, "const", i, i, buf);
    if (v > 0) {
        snprintf(buf, sizeof(buf), "%llu%.*s", v - 1, (int)(t->len - digits), p + digits);
        emit(o, ts, "const", i, i, buf);
    }
}

static void narrow(struct out *o, const struct toks *ts, size_t i)
{
    if (is(ts, i, "long")) {
        if ((i > 0 && is(ts, i - 1, "long")) || is(ts, i + 1, "double"))
            return; /* a long long's second word (the first covers it), or a long double */
        bool unsig = i > 0 && is(ts, i - 1, "unsigned");
        size_t first = unsig ? i - 1 : i, last = is(ts, i + 1, "long") ? i + 1 : i;
        if (is(ts, last + 1, "int"))
            last++;
        emit(o, ts, "narrow", first, last, unsig ? "unsigned" : "int");
        return;
    }
    for (const struct swap *s = narrow_types; s->from; s++)
        if (is(ts, i, s->from) && !(i > 0 && is(ts, i - 1, "long")))
            emit(o, ts, "narrow", i, i, s->to);
}

static void condition(struct out *o, const struct toks *ts, size_t i)
{
    if (!is(ts, i, "if") || !is(ts, i + 1, "("))
        return;
    size_t close = closing(ts, i + 1, "(", ")");
    if (close >= ts->n || close < i + 3)
        return;
    emit(o, ts, "no-branch", i + 2, close - 1, "0");
    emit(o, ts, "no-guard", i + 2, close - 1, "1");
}

static void early_return(struct out *o, const struct toks *ts, size_t i)
{
    if (!is(ts, i, "return") || is(ts, i + 1, ";"))
        return;
    size_t end = i + 1;
    while (end < ts->n && !is(ts, end, ";"))
        end++;
    if (end >= ts->n || (end == i + 2 && is(ts, i + 1, "0")))
        return;
    emit(o, ts, "early-ret", i + 1, end - 1, "0");
}

static void array_size(struct out *o, const struct toks *ts, size_t i)
{
    /* NAME [ SIZE ] in a declaration: the statement starts with a type word and the name follows
     * a type word, a '*' or a ','. */
    if (!is(ts, i, "[") || i < 2 || ts->v[i - 1].kind != T_IDENT)
        return;
    if (!is_type_word(ts, i - 2) && !is(ts, i - 2, "*") && !is(ts, i - 2, ","))
        return;
    if (!is_type_word(ts, statement_start(ts, i)))
        return;
    size_t close = closing(ts, i, "[", "]");
    if (close >= ts->n || close == i + 1)
        return;
    char buf[48];
    const struct tok *a = &ts->v[i + 1], *b = &ts->v[close - 1];
    size_t n = b->off + b->len - a->off;
    if (n > sizeof(buf) - 8)
        return;
    snprintf(buf, sizeof(buf), "(%.*s) / 2", (int)n, ts->s + a->off);
    emit(o, ts, "array-size", i + 1, close - 1, buf);
}

int mutate_list(const char *src, size_t len, struct mutant **out, size_t *n, size_t *dropped)
{
    struct toks ts = {NULL, 0, src};
    size_t alloc = 0;
    struct lexer lx = {src, len, 0, 1, 0, false};
    struct tok t;
    while (next_token(&lx, &t)) {
        if (ts.n == alloc) {
            alloc = alloc ? alloc * 2 : 256;
            struct tok *nv = realloc(ts.v, alloc * sizeof(*nv));
            if (!nv) {
                free(ts.v);
                return -ENOMEM;
            }
            ts.v = nv;
        }
        ts.v[ts.n++] = t;
    }
    struct out o = {NULL, 0, 0, 0, false};
    for (size_t i = 0; i < ts.n; i++) {
        if (ts.v[i].kind == T_NUMBER) {
            constant(&o, &ts, i);
            continue;
        }
        if (ts.v[i].kind == T_IDENT) {
            narrow(&o, &ts, i);
            condition(&o, &ts, i);
            early_return(&o, &ts, i);
            continue;
        }
        swaps(&o, &ts, i, "rel-op", rel_ops, false);
        swaps(&o, &ts, i, "arith-op", arith_ops, true);
        swaps(&o, &ts, i, "arith-op", assign_ops, false);
        swaps(&o, &ts, i, "logic-op", logic_ops, false);
        array_size(&o, &ts, i);
    }
    free(ts.v);
    if (o.oom) {
        free(o.v);
        return -ENOMEM;
    }
    *out = o.v;
    *n = o.n;
    if (dropped)
        *dropped = o.dropped;
    return 0;
}

char *mutate_apply(const char *src, size_t len, const struct mutant *m)
{
    size_t rl = strlen(m->repl);
    if (m->offset + m->len > len)
        return NULL;
    char *s = malloc(len - m->len + rl + 1);
    if (!s)
        return NULL;
    memcpy(s, src, m->offset);
    memcpy(s + m->offset, m->repl, rl);
    memcpy(s + m->offset + rl, src + m->offset + m->len, len - m->offset - m->len);
    s[len - m->len + rl] = '\0';
    return s;
}

char *mutate_diff(const char *src, size_t len, const struct mutant *m, const char *path)
{
    if (m->offset + m->len > len)
        return NULL;
    size_t a = m->offset, b = m->offset + m->len;
    while (a > 0 && src[a - 1] != '\n')
        a--;
    while (b < len && src[b] != '\n')
        b++;
    /* The replaced text may span lines (a condition over several): the hunk holds them all. */
    unsigned old_lines = 1;
    for (size_t k = a; k < b; k++)
        old_lines += src[k] == '\n';
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    if (!f)
        return NULL;
    fprintf(f, "--- a/%s\n+++ b/%s\n@@ -%u,%u +%u,1 @@\n-", path, path, m->line, old_lines,
            m->line);
    for (size_t k = a; k < b; k++)
        fputs(src[k] == '\n' ? "\n-" : (char[]){src[k], '\0'}, f);
    fprintf(f, "\n+%.*s%s%.*s\n", (int)(m->offset - a), src + a, m->repl,
            (int)(b - m->offset - m->len), src + m->offset + m->len);
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}
