/*
 * last-node generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen N POS LO HI SEED
 *
 * A list of N values uniform in [LO, HI]; the last node links to node POS (0-based), or to nothing
 * when POS is -1.
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
    long long n, pos, lo, hi;

    if (argc != 6) {
        fprintf(stderr, "usage: gen N POS LO HI SEED\n");
        return 2;
    }
    n = atoll(argv[1]);
    pos = atoll(argv[2]);
    lo = atoll(argv[3]);
    hi = atoll(argv[4]);
    state = strtoull(argv[5], NULL, 10);
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++)
        printf(i ? " %lld" : "%lld", between(lo, hi));
    printf("\n%lld\n", pos);
    return 0;
}
