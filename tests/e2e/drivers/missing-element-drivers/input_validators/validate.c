/* missing-element input validator: n, a list of n values, then the same multiset minus one value. */
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

#define MAX_N 200000
#define MAX_V 1000000000LL

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

int main(void)
{
    static long long a[MAX_N], b[MAX_N];
    long long n, i;

    load();
    n = read_int(1, MAX_N);
    expect('\n');
    read_int_line(n, -MAX_V, MAX_V, a);
    read_int_line(n - 1, -MAX_V, MAX_V, b);
    expect_eof();

    /* the second list must be the first with exactly one element removed (as multisets) */
    qsort(a, (size_t)n, sizeof *a, cmp_ll);
    qsort(b, (size_t)(n - 1), sizeof *b, cmp_ll);
    for (i = 0; i < n - 1 && a[i] == b[i]; i++)
        ;
    for (; i < n - 1; i++)
        if (a[i + 1] != b[i])
            fail("second list is not the first list minus one element");
    return 42;
}
