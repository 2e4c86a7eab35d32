/* Test generator for business-days.
 * Usage: gen MODE SEED Q > file.in
 *   random : both dates uniform over 0001-01-01 .. 9999-12-31, any order
 *   wide   : one date in years 1..100, the other in 9900..9999, any order
 *   short  : ranges of 0..40 days anywhere in the calendar, any order
 *   recent : both dates in 1890..2110 (around the century years 1900, 2000, 2100)
 *   grid   : every start weekday (from 2024-01-01, a Monday) times every length 0..20,
 *            forwards and backwards (Q is ignored; SEED is ignored)
 * Deterministic: splitmix64 seeded with SEED, no rand()/time(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t st;

static uint64_t next(void)
{
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long rnd(long lo, long hi) /* inclusive */
{
    return lo + (long)(next() % (uint64_t)(hi - lo + 1));
}

static int is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_len(long y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static long day_of(long y, int m, int d)
{
    long py = y - 1, n = py * 365 + py / 4 - py / 100 + py / 400;
    for (int mm = 1; mm < m; mm++)
        n += month_len(y, mm);
    return n + d - 1;
}

static void date_of(long n, char *out)
{
    long y = 1 + 400 * (n / 146097);
    n %= 146097;
    while (n >= (is_leap(y) ? 366 : 365)) {
        n -= is_leap(y) ? 366 : 365;
        y++;
    }
    int m = 1;
    while (n >= month_len(y, m)) {
        n -= month_len(y, m);
        m++;
    }
    sprintf(out, "%04ld-%02d-%02ld", y, m, n + 1);
}

static void pair(long a, long b)
{
    char s[32], t[32];
    date_of(a, s);
    date_of(b, t);
    printf("%s %s\n", s, t);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen MODE SEED Q\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long q = atol(argv[3]);
    long lo = day_of(1, 1, 1), hi = day_of(9999, 12, 31);
    if (strcmp(mode, "grid") == 0) {
        long base = day_of(2024, 1, 1);
        printf("%d\n", 7 * 21 * 2);
        for (int s = 0; s < 7; s++)
            for (int len = 0; len <= 20; len++) {
                pair(base + s, base + s + len);
                pair(base + 100 + s + len, base + 100 + s);
            }
        return 0;
    }
    printf("%ld\n", q);
    for (long i = 0; i < q; i++) {
        long a, b;
        if (strcmp(mode, "random") == 0) {
            a = rnd(lo, hi);
            b = rnd(lo, hi);
        } else if (strcmp(mode, "wide") == 0) {
            a = rnd(lo, day_of(100, 12, 31));
            b = rnd(day_of(9900, 1, 1), hi);
            if (next() & 1) {
                long t = a;
                a = b;
                b = t;
            }
        } else if (strcmp(mode, "short") == 0) {
            a = rnd(lo, hi);
            b = a + rnd(-40, 40);
            if (b < lo)
                b = lo;
            if (b > hi)
                b = hi;
        } else if (strcmp(mode, "recent") == 0) {
            a = rnd(day_of(1890, 1, 1), day_of(2110, 12, 31));
            b = rnd(day_of(1890, 1, 1), day_of(2110, 12, 31));
        } else {
            fprintf(stderr, "unknown mode\n");
            return 1;
        }
        pair(a, b);
    }
    return 0;
}
