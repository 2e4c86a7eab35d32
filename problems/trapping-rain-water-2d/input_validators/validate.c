/* trapping-rain-water-2d input validator: "m n" then m lines of n heights. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*** Strict token reader: exit 42 when the whole file is valid, 43 at the first flaw. ***/

static char *buf;
static size_t len, pos;

static void fail(const char *what)
{
    fprintf(stderr, "invalid input at byte %zu: %s\n", pos, what);
    exit(43);
}

static void load(void)
{
    size_t cap = 1 << 20;
    size_t n;

    buf = malloc(cap);
    if (!buf)
        exit(1);
    while ((n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            if (!buf)
                exit(1);
        }
    }
}

/* A decimal integer in [lo, hi]: optional '-', no '+', no leading zeros, no "-0". */
static long long read_int(long long lo, long long hi)
{
    unsigned long long v = 0;
    int neg = 0, digits = 0;
    long long x;

    if (pos < len && buf[pos] == '-') {
        neg = 1;
        pos++;
    }
    if (pos >= len || buf[pos] < '0' || buf[pos] > '9')
        fail("expected an integer");
    if (buf[pos] == '0' && pos + 1 < len && buf[pos + 1] >= '0' && buf[pos + 1] <= '9')
        fail("leading zero");
    while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') {
        if (++digits > 19)
            fail("integer too long");
        v = v * 10 + (unsigned long long)(buf[pos] - '0');
        pos++;
    }
    if (neg && v == 0)
        fail("negative zero");
    if (v > 9000000000000000000ULL)
        fail("integer out of range");
    x = neg ? -(long long)v : (long long)v;
    if (x < lo || x > hi)
        fail("integer out of range");
    return x;
}

static void expect(char c)
{
    if (pos >= len || buf[pos] != c)
        fail(c == '\n' ? "expected end of line" : "expected a single space");
    pos++;
}

static void expect_eof(void)
{
    if (pos != len)
        fail("trailing data after the last line");
}

/* A line of exactly n integers in [lo, hi] separated by single spaces (empty when n == 0). */
static void read_int_line(long long n, long long lo, long long hi, long long *out)
{
    for (long long i = 0; i < n; i++) {
        long long x;

        if (i > 0)
            expect(' ');
        x = read_int(lo, hi);
        if (out)
            out[i] = x;
    }
    expect('\n');
}

#define MAX_SIDE 500
#define MAX_H 1000000000LL

int main(void)
{
    long long m, n;

    load();
    m = read_int(1, MAX_SIDE);
    expect(' ');
    n = read_int(1, MAX_SIDE);
    expect('\n');
    for (long long r = 0; r < m; r++)
        read_int_line(n, 0, MAX_H, NULL);
    expect_eof();
    return 42;
}
