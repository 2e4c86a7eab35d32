/* Input validator for matrix-sum: exit 42 if valid, 43 otherwise.
 * Format: line 1 "r" (0 <= r <= 100000); then r lines "c v1 ... vc" with
 * 0 <= c <= 250000 and every v in [-10^9, 10^9]; single spaces, canonical integers
 * (no '+', no leading zeros, no "-0"); the sum of all c is at most 250000.
 * Every line ends with '\n'; nothing follows the last one. */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

/* Reads one canonical integer; stores the character that ended it in *end. */
static long read_int(long lo, long hi, int *end)
{
    char buf[32];
    int n = 0, c;
    while ((c = getchar()) != ' ' && c != '\n') {
        if (c == EOF || n >= 12)
            fail("bad token");
        buf[n++] = (char)c;
    }
    *end = c;
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
    int end;
    long r = read_int(0, 100000, &end);
    if (end != '\n')
        fail("r line");
    long total = 0;
    for (long i = 0; i < r; i++) {
        long c = read_int(0, 250000, &end);
        total += c;
        if (total > 250000)
            fail("more than 250000 elements");
        if ((c == 0) != (end == '\n'))
            fail("row length does not match the number of values");
        for (long j = 0; j < c; j++) {
            read_int(-1000000000L, 1000000000L, &end);
            if ((j == c - 1) != (end == '\n'))
                fail("row length does not match the number of values");
        }
    }
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
