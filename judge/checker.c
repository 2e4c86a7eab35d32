/*
 * As the Kattis default validator: output and answer are split into tokens at whitespace and
 * compared one by one, ignoring case unless case_sensitive. With a float tolerance, a judge token
 * that is a number accepts any number within the absolute or the relative tolerance. With
 * space_change_sensitive, the whitespace between tokens must match too.
 */
#include "checker.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int checker_parse(const char *args, struct checker_flags *out, char *err, size_t errsize)
{
    struct checker_flags f = {false, false, -1, -1};
    char *copy = strdup(args ? args : "");
    if (!copy)
        return -ENOMEM;
    int rc = 0;
    char *save = NULL;
    for (char *tok = strtok_r(copy, " \t\n", &save); tok; tok = strtok_r(NULL, " \t\n", &save)) {
        if (!strcmp(tok, "case_sensitive")) {
            f.case_sensitive = true;
        } else if (!strcmp(tok, "space_change_sensitive")) {
            f.space_change_sensitive = true;
        } else if (!strcmp(tok, "float_tolerance") || !strcmp(tok, "float_absolute_tolerance") ||
                   !strcmp(tok, "float_relative_tolerance")) {
            char *num = strtok_r(NULL, " \t\n", &save), *end = NULL;
            double v = num ? strtod(num, &end) : NAN;
            if (!num || *end || !(v >= 0) || !isfinite(v)) {
                snprintf(err, errsize, "'%s' needs a non-negative number", tok);
                rc = -EINVAL;
                break;
            }
            if (strcmp(tok, "float_relative_tolerance"))
                f.abs_tol = v;
            if (strcmp(tok, "float_absolute_tolerance"))
                f.rel_tol = v;
        } else {
            snprintf(err, errsize, "unknown default validator flag '%s'", tok);
            rc = -EINVAL;
            break;
        }
    }
    free(copy);
    if (!rc)
        *out = f;
    return rc;
}

struct cursor {
    const char *p, *end;
};

/* The next token: whitespace runs are tokens too when `spaces` is set. */
static bool next_token(struct cursor *c, bool spaces, const char **tok, size_t *len)
{
    if (!spaces)
        while (c->p < c->end && isspace((unsigned char)*c->p))
            c->p++;
    if (c->p >= c->end)
        return false;
    const char *s = c->p;
    bool ws = isspace((unsigned char)*s);
    while (c->p < c->end && (bool)isspace((unsigned char)*c->p) == ws)
        c->p++;
    *tok = s;
    *len = (size_t)(c->p - s);
    return true;
}

static bool parse_double(const char *s, size_t n, double *v)
{
    char buf[128];
    if (n == 0 || n >= sizeof(buf))
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *end;
    *v = strtod(buf, &end);
    return *end == '\0' && !isnan(*v);
}

static void quote(char *dst, size_t size, const char *s, size_t n)
{
    size_t max = size > 4 ? size - 4 : 0;
    if (n > max) {
        snprintf(dst, size, "%.*s...", (int)max, s);
        return;
    }
    snprintf(dst, size, "%.*s", (int)n, s);
    for (char *q = dst; *q; q++)
        if (*q == '\n')
            *q = ' ';
}

static bool tokens_equal(const struct checker_flags *f, const char *a, size_t al, const char *b,
                         size_t bl)
{
    if (f->abs_tol >= 0 || f->rel_tol >= 0) {
        double want, got;
        if (parse_double(b, bl, &want)) {
            if (!parse_double(a, al, &got))
                return false;
            double diff = fabs(got - want);
            if (f->abs_tol >= 0 && diff <= f->abs_tol)
                return true;
            if (f->rel_tol >= 0 && diff <= f->rel_tol * fabs(want))
                return true;
            return isinf(want) && got == want;
        }
    }
    if (al != bl)
        return false;
    if (f->case_sensitive)
        return !memcmp(a, b, al);
    /* Byte by byte: strncasecmp would stop at a NUL and accept what follows it unseen. */
    for (size_t i = 0; i < al; i++)
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return false;
    return true;
}

bool checker_compare(const struct checker_flags *f, const char *out, size_t outlen, const char *ans,
                     size_t anslen, char *msg, size_t msgsize)
{
    struct cursor o = {out, out + outlen}, a = {ans, ans + anslen};
    size_t index = 0;
    for (;;) {
        const char *ot, *at;
        size_t ol, al;
        bool has_o = next_token(&o, f->space_change_sensitive, &ot, &ol);
        bool has_a = next_token(&a, f->space_change_sensitive, &at, &al);
        index++;
        char q1[64], q2[64];
        if (!has_o && !has_a)
            return true;
        if (!has_o) {
            quote(q1, sizeof(q1), at, al);
            snprintf(msg, msgsize, "output ended early: token %zu should be '%s'", index, q1);
            return false;
        }
        if (!has_a) {
            quote(q1, sizeof(q1), ot, ol);
            snprintf(msg, msgsize, "more output than expected: token %zu is '%s'", index, q1);
            return false;
        }
        if (!tokens_equal(f, ot, ol, at, al)) {
            quote(q1, sizeof(q1), at, al);
            quote(q2, sizeof(q2), ot, ol);
            snprintf(msg, msgsize, "token %zu: expected '%s', got '%s'", index, q1, q2);
            return false;
        }
    }
}
