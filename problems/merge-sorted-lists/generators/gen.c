/*
 * merge-sorted-lists generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen N M LO HI MODE SEED
 *
 * Two sorted lists of N and M values. MODE "random": both uniform in [LO, HI] (so interleaved);
 * "disjoint": the second list entirely below the first (second in [LO, mid], first in
 * [mid + 1, HI]).
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

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

static void list(long long n, long long lo, long long hi)
{
    long long *a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));

    if (!a)
        exit(1);
    for (long long i = 0; i < n; i++)
        a[i] = between(lo, hi);
    qsort(a, (size_t)n, sizeof *a, cmp_ll);
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++)
        printf(i ? " %lld" : "%lld", a[i]);
    printf("\n");
    free(a);
}

int main(int argc, char **argv)
{
    long long n, m, lo, hi;

    if (argc != 7) {
        fprintf(stderr, "usage: gen N M LO HI random|disjoint SEED\n");
        return 2;
    }
    n = atoll(argv[1]);
    m = atoll(argv[2]);
    lo = atoll(argv[3]);
    hi = atoll(argv[4]);
    state = strtoull(argv[6], NULL, 10);
    if (strcmp(argv[5], "disjoint") == 0) {
        long long mid = lo + (hi - lo) / 2;

        list(n, mid + 1, hi);
        list(m, lo, mid);
    } else {
        list(n, lo, hi);
        list(m, lo, hi);
    }
    return 0;
}
