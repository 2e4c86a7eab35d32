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
 * Input: line 1 "n" (0 <= n <= 200000); line 2: n integers in [-1e9, 1e9] separated by single
 * spaces (empty when n = 0).
 * Guarantee checked exactly (n >= 2): with v the exact sample variance, 100*v is at least 1e-3
 * away from every number k + 1/2, so rounding to 2 decimals never meets a tie.
 */
int main(void)
{
    read_all();
    long long n = read_int(0, 200000);
    expect_char('\n');
    __int128 s1 = 0, s2 = 0;
    for (long long i = 0; i < n; i++) {
        if (i > 0)
            expect_char(' ');
        long long x = read_int(-1000000000LL, 1000000000LL);
        s1 += x;
        s2 += (__int128)x * x;
    }
    expect_char('\n');
    expect_eof();
    if (n >= 2) {
        /* v = N / D with N = n*s2 - s1^2 >= 0 and D = n(n-1) */
        __int128 N = (__int128)n * s2 - s1 * s1;
        __int128 D = (__int128)n * (n - 1);
        __int128 r = (100 * N) % D; /* fractional part of 100v is r / D */
        __int128 dist2 = 2 * r - D;  /* (r/D - 1/2) * 2D */
        if (dist2 < 0)
            dist2 = -dist2;
        if (500 * dist2 < D)
            fail("sample variance too close to a rounding tie");
    }
    return 42;
}
