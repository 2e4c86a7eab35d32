/* strict token reader for input validators: exit 42 valid, 43 invalid */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *buf;
static size_t len, pos;

static __attribute__((unused)) void fail(const char *why)
{
    fprintf(stderr, "invalid input: %s (byte %zu)\n", why, pos);
    exit(43);
}

static __attribute__((unused)) void read_all(void)
{
    size_t cap = 1 << 20;
    buf = malloc(cap);
    if (!buf)
        fail("out of memory");
    for (;;) {
        size_t r = fread(buf + len, 1, cap - len, stdin);
        len += r;
        if (len < cap)
            break;
        cap *= 2;
        buf = realloc(buf, cap);
        if (!buf)
            fail("out of memory");
    }
}

static __attribute__((unused)) int is_digit(char c) { return c >= '0' && c <= '9'; }

static __attribute__((unused)) void expect_char(char c)
{
    if (pos >= len || buf[pos] != c)
        fail(c == '\n' ? "newline expected" : c == ' ' ? "single space expected" : "unexpected character");
    pos++;
}

/* integer token: -?(0|[1-9][0-9]*), no "-0", within [lo, hi] */
static __attribute__((unused)) long long read_int(long long lo, long long hi)
{
    int neg = 0, digits = 0;
    long long v = 0;
    if (pos < len && buf[pos] == '-') {
        neg = 1;
        pos++;
    }
    if (pos >= len || !is_digit(buf[pos]))
        fail("digit expected");
    if (buf[pos] == '0' && pos + 1 < len && is_digit(buf[pos + 1]))
        fail("leading zero");
    while (pos < len && is_digit(buf[pos])) {
        if (++digits > 18)
            fail("number too long");
        v = v * 10 + (buf[pos] - '0');
        pos++;
    }
    if (neg && v == 0)
        fail("negative zero");
    if (neg)
        v = -v;
    if (v < lo || v > hi)
        fail("number out of range");
    return v;
}

/* true if the exact word w starts at pos (and is followed by a separator or EOF); consumes it */
static __attribute__((unused)) int accept_word(const char *w)
{
    size_t n = strlen(w);
    if (pos + n <= len && memcmp(buf + pos, w, n) == 0 &&
        (pos + n == len || buf[pos + n] == ' ' || buf[pos + n] == '\n')) {
        pos += n;
        return 1;
    }
    return 0;
}

static __attribute__((unused)) void expect_eof(void)
{
    if (pos != len)
        fail("trailing data after the last line");
}

/*
 * Input: line 1 "n mu0" (0 <= n <= 200000, -1e6 <= mu0 <= 1e6); then n lines, each one integer
 * in [-1e6, 1e6].
 */
int main(void)
{
    read_all();
    long long n = read_int(0, 200000);
    expect_char(' ');
    read_int(-1000000, 1000000);
    expect_char('\n');
    for (long long i = 0; i < n; i++) {
        read_int(-1000000, 1000000);
        expect_char('\n');
    }
    expect_eof();
    return 42;
}
