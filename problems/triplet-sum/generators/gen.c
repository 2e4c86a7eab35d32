/*
 * triplet-sum generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen wide  N K PLANT SEED    N values uniform in [-10^9, 10^9], then PLANT triplets summing
 *                               to K written over random positions
 *   gen dense N LO HI K SEED    N values uniform in [LO, HI] (many duplicates)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_V 1000000000LL

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

static void print(const long long *a, long long n, long long k)
{
    printf("%lld %lld\n", n, k);
    for (long long i = 0; i < n; i++)
        printf(i ? " %lld" : "%lld", a[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    long long n, k, *a;

    if (argc == 6 && strcmp(argv[1], "wide") == 0) {
        long long plant = atoll(argv[4]);
        long long *pos;

        n = atoll(argv[2]);
        k = atoll(argv[3]);
        state = strtoull(argv[5], NULL, 10);
        a = malloc(sizeof *a * (size_t)n);
        pos = malloc(sizeof *pos * (size_t)n);
        if (!a || !pos)
            return 1;
        for (long long i = 0; i < n; i++) {
            a[i] = between(-MAX_V, MAX_V);
            pos[i] = i;
        }
        /* a random permutation of positions: the first 3 * PLANT receive the planted triplets */
        for (long long i = n - 1; i > 0; i--) {
            long long j = between(0, i), t = pos[i];

            pos[i] = pos[j];
            pos[j] = t;
        }
        for (long long t = 0; t < plant && 3 * t + 2 < n; t++) {
            long long x, y, z;

            do {
                x = between(-MAX_V, MAX_V);
                y = between(-MAX_V, MAX_V);
                z = k - x - y;
            } while (z < -MAX_V || z > MAX_V);
            a[pos[3 * t]] = x;
            a[pos[3 * t + 1]] = y;
            a[pos[3 * t + 2]] = z;
        }
        print(a, n, k);
        free(pos);
    } else if (argc == 7 && strcmp(argv[1], "dense") == 0) {
        long long lo = atoll(argv[3]), hi = atoll(argv[4]);

        n = atoll(argv[2]);
        k = atoll(argv[5]);
        state = strtoull(argv[6], NULL, 10);
        a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
        if (!a)
            return 1;
        for (long long i = 0; i < n; i++)
            a[i] = between(lo, hi);
        print(a, n, k);
    } else {
        fprintf(stderr, "usage: gen wide N K PLANT SEED | gen dense N LO HI K SEED\n");
        return 2;
    }
    free(a);
    return 0;
}
