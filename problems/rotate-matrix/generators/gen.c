/*
 * rotate-matrix generator.
 *
 *   gen N LO HI SEED    an N x N matrix of values uniform in [LO, HI]
 *
 * Deterministic: splitmix64 seeded with SEED.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state;

static unsigned long long splitmix64(void)
{
    unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static long long between(long long lo, long long hi)
{
    return lo + (long long)(splitmix64() % (unsigned long long)(hi - lo + 1));
}

int main(int argc, char **argv)
{
    long long n, lo, hi;

    if (argc != 5) {
        fprintf(stderr, "usage: gen N LO HI SEED\n");
        return 2;
    }
    n = atoll(argv[1]);
    lo = atoll(argv[2]);
    hi = atoll(argv[3]);
    state = strtoull(argv[4], NULL, 10);
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < n; j++)
            printf(j + 1 < n ? "%lld " : "%lld\n", between(lo, hi));
    return 0;
}
