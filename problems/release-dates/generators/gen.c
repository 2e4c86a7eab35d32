/* Test generator for release-dates.
 * Usage: gen MODE SEED N M > file.in   (list A has N dates, list B has M dates)
 *   random : cutoff in 1950..2050, dates uniform in 1900..2100
 *   near   : dates within 3 days of the cutoff (many equal to it)
 *   tie    : both lists have exactly the same number K of dates on or after the
 *            cutoff (K random, at most min(N, M)); about 1 in 10 of those equals the cutoff
 *   bwins  : like random, but dates of B lean towards the future
 *   wide   : dates over the whole range 0001-01-01..9999-12-31, the cutoff in years 1..1000;
 *            every date of A is on or after the cutoff, 7 in 10 of B's are (counts past 65535)
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

static void put_date(long n)
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
    printf("%04ld-%02d-%02ld\n", y, m, n + 1);
}

static long lo, hi, cut;

static long before(void)
{
    return rnd(lo, cut - 1);
}

static long on_or_after(void)
{
    return rnd(0, 9) == 0 ? cut : rnd(cut, hi);
}

/* k of the n dates on or after the cutoff, at random positions. */
static void list_with(long n, long k)
{
    for (long i = 0; i < n; i++) {
        if (rnd(0, n - i - 1) < k) {
            put_date(on_or_after());
            k--;
        } else {
            put_date(before());
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: gen MODE SEED N M\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long n = atol(argv[3]), m = atol(argv[4]);
    int wide = strcmp(mode, "wide") == 0;
    lo = wide ? day_of(1, 1, 1) : day_of(1900, 1, 1);
    hi = wide ? day_of(9999, 12, 31) : day_of(2100, 12, 31);
    cut = wide ? rnd(lo + 1, day_of(1000, 12, 31)) : rnd(day_of(1950, 1, 1), day_of(2050, 12, 31));
    put_date(cut);
    printf("%ld %ld\n", n, m);
    if (strcmp(mode, "random") == 0) {
        for (long i = 0; i < n + m; i++)
            put_date(rnd(lo, hi));
    } else if (strcmp(mode, "near") == 0) {
        for (long i = 0; i < n + m; i++)
            put_date(cut + rnd(-3, 3));
    } else if (strcmp(mode, "tie") == 0) {
        long k = rnd(0, n < m ? n : m);
        list_with(n, k);
        list_with(m, k);
    } else if (strcmp(mode, "bwins") == 0) {
        for (long i = 0; i < n; i++)
            put_date(rnd(lo, hi));
        for (long i = 0; i < m; i++)
            put_date(rnd(0, 2) ? on_or_after() : before());
    } else if (wide) {
        for (long i = 0; i < n; i++)
            put_date(on_or_after());
        for (long i = 0; i < m; i++)
            put_date(rnd(0, 9) < 7 ? on_or_after() : before());
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    return 0;
}
