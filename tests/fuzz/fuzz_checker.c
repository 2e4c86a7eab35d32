/*
 * fuzz_checker: the default output validator, checker_parse and checker_compare.
 *
 * The input is FLAGS 0x1E ANSWER 0x1E OUTPUT (0x1E, the record separator, is not whitespace, and
 * answer and output may hold any other byte, NUL included). Flags that checker_parse refuses are
 * replaced by the defaults, so every input reaches the comparison. Answer and output are given in
 * buffers of their exact size, so that reading past them is caught. Besides memory safety the
 * harness checks what the comparison must always do:
 *   - a text always matches itself, whatever the flags;
 *   - without a float tolerance, the verdict is that of a plain reference (tokens at whitespace,
 *     byte for byte, or byte for byte after tolower when case does not count), and the same
 *     either way round;
 *   - a rejection always says why.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *copy(const struct fuzz_part *part)
{
    char *s = malloc(part->n ? part->n : 1);
    if (!s)
        fuzz_die("out of memory");
    memcpy(s, part->p, part->n);
    return s;
}

/* The next token of the reference: a run of whitespace or of anything else. */
static bool ref_token(const char **p, const char *end, bool spaces, const char **tok, size_t *len)
{
    while (!spaces && *p < end && isspace((unsigned char)**p))
        (*p)++;
    if (*p >= end)
        return false;
    *tok = *p;
    bool ws = isspace((unsigned char)**p);
    while (*p < end && (isspace((unsigned char)**p) != 0) == ws)
        (*p)++;
    *len = (size_t)(*p - *tok);
    return true;
}

static bool ref_compare(const struct checker_flags *f, const char *a, size_t an, const char *b,
                        size_t bn)
{
    const char *pa = a, *pb = b, *ta, *tb;
    size_t la, lb;
    for (;;) {
        bool ha = ref_token(&pa, a + an, f->space_change_sensitive, &ta, &la);
        bool hb = ref_token(&pb, b + bn, f->space_change_sensitive, &tb, &lb);
        if (!ha || !hb)
            return ha == hb;
        if (la != lb)
            return false;
        for (size_t i = 0; i < la; i++) {
            unsigned char x = (unsigned char)ta[i], y = (unsigned char)tb[i];
            if (f->case_sensitive ? x != y : tolower(x) != tolower(y))
                return false;
        }
    }
}

static bool compare(const struct checker_flags *f, const char *out, size_t on, const char *ans,
                    size_t an)
{
    char msg[256];
    msg[0] = '\0';
    bool ok = checker_compare(f, out, on, ans, an, msg, sizeof(msg));
    if (!ok && !msg[0])
        fuzz_fail("a rejection with no message");
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_part parts[3] = {{"", 0}, {"", 0}, {"", 0}};
    fuzz_split(data, size, '\x1e', parts, 3);
    char *flags_text = strndup(parts[0].p, parts[0].n);
    char *ans = copy(&parts[1]), *out = copy(&parts[2]);
    if (!flags_text)
        fuzz_die("out of memory");

    struct checker_flags f = {false, false, -1, -1};
    char err[128] = "";
    if (checker_parse(flags_text, &f, err, sizeof(err)) && !err[0])
        fuzz_fail("checker_parse refused '%s' without saying why", flags_text);

    bool ok = compare(&f, out, parts[2].n, ans, parts[1].n);
    if (!compare(&f, ans, parts[1].n, ans, parts[1].n))
        fuzz_fail("the answer does not match itself");
    if (!compare(&f, out, parts[2].n, out, parts[2].n))
        fuzz_fail("the output does not match itself");
    if (f.abs_tol < 0 && f.rel_tol < 0) {
        bool want = ref_compare(&f, out, parts[2].n, ans, parts[1].n);
        if (ok != want)
            fuzz_fail("checker_compare says %s, the reference %s", ok ? "accepted" : "rejected",
                      want ? "accepted" : "rejected");
        if (compare(&f, ans, parts[1].n, out, parts[2].n) != ok)
            fuzz_fail("the verdict changes when output and answer swap");
    }
    free(flags_text);
    free(ans);
    free(out);
    return 0;
}
