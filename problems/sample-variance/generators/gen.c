/*
 * Deterministic generator for sample-variance.
 *   gen uniform N SEED LO HI     N integers uniform in [LO, HI]
 *   gen twovalues N A B          N integers alternating A, B, A, B, ...
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
    if (argc == 6 && strcmp(argv[1], "uniform") == 0) {
        long long n = atoll(argv[2]);
        state = strtoull(argv[3], NULL, 10);
        long long lo = atoll(argv[4]), hi = atoll(argv[5]);
        printf("%lld\n", n);
        for (long long i = 0; i < n; i++)
            printf(i ? " %lld" : "%lld", uniform(lo, hi));
        printf("\n");
    } else if (argc == 5 && strcmp(argv[1], "twovalues") == 0) {
        long long n = atoll(argv[2]);
        long long a = atoll(argv[3]), b = atoll(argv[4]);
        printf("%lld\n", n);
        for (long long i = 0; i < n; i++)
            printf(i ? " %lld" : "%lld", i % 2 ? b : a);
        printf("\n");
    } else {
        fprintf(stderr, "usage: see the comment at the top of gen.c\n");
        return 1;
    }
    return 0;
}
