/*
 * missing-number generator.
 *
 *   gen N MISSING ORDER SEED
 *
 * Prints a test with n = N whose absent value is MISSING (0..N), or a random one when MISSING
 * is -1. ORDER is "shuffle", "asc" or "desc". Deterministic: splitmix64 seeded with SEED.
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

/* uniform in [0, bound) */
static long long below(long long bound)
{
    return (long long)(splitmix64() % (unsigned long long)bound);
}

int main(int argc, char **argv)
{
    long long n, missing;
    int *a;
    int k = 0;

    if (argc != 5) {
        fprintf(stderr, "usage: gen N MISSING ORDER SEED\n");
        return 2;
    }
    n = atoll(argv[1]);
    missing = atoll(argv[2]);
    state = strtoull(argv[4], NULL, 10);
    if (missing < 0)
        missing = below(n + 1);
    a = malloc(sizeof *a * (size_t)(n + 1));
    if (!a)
        return 1;
    for (long long v = 0; v <= n; v++)
        if (v != missing)
            a[k++] = (int)v;
    if (strcmp(argv[3], "desc") == 0) {
        for (int i = 0; i < k / 2; i++) {
            int t = a[i];

            a[i] = a[k - 1 - i];
            a[k - 1 - i] = t;
        }
    } else if (strcmp(argv[3], "shuffle") == 0) {
        for (int i = k - 1; i > 0; i--) {
            int j = (int)below(i + 1);
            int t = a[i];

            a[i] = a[j];
            a[j] = t;
        }
    }
    printf("%lld\n", n);
    for (int i = 0; i < k; i++)
        printf(i ? " %d" : "%d", a[i]);
    printf("\n");
    free(a);
    return 0;
}
