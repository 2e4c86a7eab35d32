/*
 * Deterministic generator for histogram-binning.
 *   gen uniform N X SEED LO HI         N values uniform in [LO, HI]
 *   gen top N X SEED MIN MAX TOPLO     one value MIN, one value MAX, the other N-2 uniform in
 *                                      [TOPLO, MAX] (so almost all values fall in the upper bins)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static uint64_t next(void) /* splitmix64 */
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long long uniform(long long lo, long long hi)
{
    return lo + (long long)(next() % (uint64_t)(hi - lo + 1));
}

int main(int argc, char **argv)
{
    if (argc == 7 && strcmp(argv[1], "uniform") == 0) {
        long long n = atoll(argv[2]), x = atoll(argv[3]);
        state = strtoull(argv[4], NULL, 10);
        long long lo = atoll(argv[5]), hi = atoll(argv[6]);
        printf("%lld %lld\n", n, x);
        for (long long i = 0; i < n; i++)
            printf(i ? " %lld" : "%lld", uniform(lo, hi));
        printf("\n");
    } else if (argc == 8 && strcmp(argv[1], "top") == 0) {
        long long n = atoll(argv[2]), x = atoll(argv[3]);
        state = strtoull(argv[4], NULL, 10);
        long long mn = atoll(argv[5]), mx = atoll(argv[6]), toplo = atoll(argv[7]);
        printf("%lld %lld\n", n, x);
        for (long long i = 0; i < n; i++) {
            long long v = i == 0 ? mx : i == n / 2 ? mn : uniform(toplo, mx);
            printf(i ? " %lld" : "%lld", v);
        }
        printf("\n");
    } else {
        fprintf(stderr, "usage: see the comment at the top of gen.c\n");
        return 1;
    }
    return 0;
}
