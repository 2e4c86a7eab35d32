/*
 * trapping-rain-water generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen random   N HMAX SEED   heights uniform in [0, HMAX]
 *   gen mountain N HMAX SEED   a noisy ridge rising to the middle: water pools on both slopes
 *   gen walls    N HMAX SEED   two walls of height HMAX at the ends, low noise in between
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    long long n, hmax;

    if (argc != 5) {
        fprintf(stderr, "usage: gen random|mountain|walls N HMAX SEED\n");
        return 2;
    }
    n = atoll(argv[2]);
    hmax = atoll(argv[3]);
    state = strtoull(argv[4], NULL, 10);
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++) {
        long long h;

        if (strcmp(argv[1], "random") == 0) {
            h = between(0, hmax);
        } else if (strcmp(argv[1], "mountain") == 0) {
            long long d = i < n - 1 - i ? i : n - 1 - i; /* distance to the nearer end */
            long long base = n > 1 ? d * (hmax / 2) / ((n - 1) / 2 + 1) : 0;

            h = base + between(0, hmax / 2);
        } else if (strcmp(argv[1], "walls") == 0) {
            h = (i == 0 || i == n - 1) ? hmax : between(0, hmax / 1000);
        } else {
            fprintf(stderr, "unknown mode '%s'\n", argv[1]);
            return 2;
        }
        printf(i ? " %lld" : "%lld", h);
    }
    printf("\n");
    return 0;
}
