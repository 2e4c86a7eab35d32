/* Input validator for rectangle-overlap: exit 42 if valid, 43 otherwise.
 * Format: line 1 "t" (1 <= t <= 20000); then t lines of 8 integers
 * "x1 y1 x2 y2 a1 b1 a2 b2" separated by single spaces, each in [-10^9, 10^9],
 * written canonically (no '+', no leading zeros, no "-0"), with x1 < x2, y1 < y2,
 * a1 < a2, b1 < b2. Every line ends with '\n'; nothing follows the last one. */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

/* Reads one canonical integer followed by the character `end`. */
static long read_int(long lo, long hi, int end)
{
    char buf[32];
    int n = 0, c;
    while ((c = getchar()) != end) {
        if (c == EOF || n >= 12)
            fail("bad token");
        buf[n++] = (char)c;
    }
    buf[n] = 0;
    int i = 0, neg = 0;
    if (buf[0] == '-') {
        neg = 1;
        i = 1;
    }
    if (i >= n)
        fail("empty number");
    for (int k = i; k < n; k++)
        if (buf[k] < '0' || buf[k] > '9')
            fail("non-digit");
    if (buf[i] == '0' && (n - i > 1 || neg))
        fail("leading zero or -0");
    long v = atol(buf);
    if (v < lo || v > hi)
        fail("out of range");
    return v;
}

int main(void)
{
    long t = read_int(1, 20000, '\n');
    for (long q = 0; q < t; q++) {
        long v[8];
        for (int k = 0; k < 8; k++)
            v[k] = read_int(-1000000000L, 1000000000L, k == 7 ? '\n' : ' ');
        if (!(v[0] < v[2] && v[1] < v[3] && v[4] < v[6] && v[5] < v[7]))
            fail("corners not ordered");
    }
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
