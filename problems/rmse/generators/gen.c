/*
 * Deterministic generator for rmse.
 *   gen pair N M SEED LO HI NOISE   actual: N values uniform in [LO, HI];
 *                                   predicted: M values, predicted[i] = actual[i] + uniform noise in
 *                                   [-NOISE, NOISE] clamped to [LO, HI] (fresh values past N)
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
    if (argc != 8 || strcmp(argv[1], "pair") != 0) {
        fprintf(stderr, "usage: gen pair N M SEED LO HI NOISE\n");
        return 1;
    }
    long long n = atoll(argv[2]), m = atoll(argv[3]);
    state = strtoull(argv[4], NULL, 10);
    long long lo = atoll(argv[5]), hi = atoll(argv[6]), noise = atoll(argv[7]);
    long long *a = malloc(sizeof(long long) * (size_t)(n > 0 ? n : 1));
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++) {
        a[i] = uniform(lo, hi);
        printf(i ? " %lld" : "%lld", a[i]);
    }
    printf("\n%lld\n", m);
    for (long long i = 0; i < m; i++) {
        long long p = i < n ? a[i] + uniform(-noise, noise) : uniform(lo, hi);
        if (p < lo)
            p = lo;
        if (p > hi)
            p = hi;
        printf(i ? " %lld" : "%lld", p);
    }
    printf("\n");
    free(a);
    return 0;
}
