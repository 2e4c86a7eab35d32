/*
 * Deterministic generator for t-statistic.
 *   gen uniform N MU0 SEED LO HI    N values uniform in [LO, HI]
 *   gen allbutone N MU0 V W         N - 1 values V followed by one value W
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
        long long n = atoll(argv[2]), mu0 = atoll(argv[3]);
        state = strtoull(argv[4], NULL, 10);
        long long lo = atoll(argv[5]), hi = atoll(argv[6]);
        printf("%lld %lld\n", n, mu0);
        for (long long i = 0; i < n; i++)
            printf("%lld\n", uniform(lo, hi));
    } else if (argc == 6 && strcmp(argv[1], "allbutone") == 0) {
        long long n = atoll(argv[2]), mu0 = atoll(argv[3]);
        long long v = atoll(argv[4]), w = atoll(argv[5]);
        printf("%lld %lld\n", n, mu0);
        for (long long i = 0; i < n; i++)
            printf("%lld\n", i == n - 1 ? w : v);
    } else {
        fprintf(stderr, "usage: see the comment at the top of gen.c\n");
        return 1;
    }
    return 0;
}
