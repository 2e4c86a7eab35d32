/*
 * missing-element generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen N LO HI WHICH ORDER SEED
 *
 * The first list: N values uniform in [LO, HI], in random order. WHICH picks the removed element:
 * "random" (any position), "max" (a largest value), "dup" (a value occurring at least twice, or
 * any position when there is none). ORDER gives the second list: "shuffle" (a fresh shuffle),
 * "same" (the first list's order), "reverse" or "sorted" (both lists in ascending order: the
 * first list is sorted before the element is removed, the worst case of a first-element-pivot
 * quicksort).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ascending(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;

    return (a > b) - (a < b);
}

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

static void print_line(const long long *a, long long n)
{
    for (long long i = 0; i < n; i++)
        printf(i ? " %lld" : "%lld", a[i]);
    printf("\n");
}

int main(int argc, char **argv)
{
    long long n, lo, hi, removed = -1, *a, *b;

    if (argc != 7) {
        fprintf(stderr, "usage: gen N LO HI random|max|dup shuffle|same|reverse|sorted SEED\n");
        return 2;
    }
    n = atoll(argv[1]);
    lo = atoll(argv[2]);
    hi = atoll(argv[3]);
    state = strtoull(argv[6], NULL, 10);
    a = malloc(sizeof *a * (size_t)n);
    b = malloc(sizeof *b * (size_t)n);
    if (!a || !b)
        return 1;
    for (long long i = 0; i < n; i++)
        a[i] = between(lo, hi);
    if (strcmp(argv[5], "sorted") == 0)
        qsort(a, (size_t)n, sizeof *a, ascending);
    if (strcmp(argv[4], "max") == 0) {
        removed = 0;
        for (long long i = 1; i < n; i++)
            if (a[i] > a[removed])
                removed = i;
    } else if (strcmp(argv[4], "dup") == 0) {
        /* try random positions until one holds a value seen elsewhere (small ranges: quick) */
        for (int tries = 0; tries < 100 && removed < 0; tries++) {
            long long p = between(0, n - 1);

            for (long long i = 0; i < n; i++)
                if (i != p && a[i] == a[p]) {
                    removed = p;
                    break;
                }
        }
    }
    if (removed < 0)
        removed = between(0, n - 1);
    for (long long i = 0, k = 0; i < n; i++)
        if (i != removed)
            b[k++] = a[i];
    if (strcmp(argv[5], "reverse") == 0) {
        for (long long i = 0; i < (n - 1) / 2; i++) {
            long long t = b[i];

            b[i] = b[n - 2 - i];
            b[n - 2 - i] = t;
        }
    } else if (strcmp(argv[5], "shuffle") == 0) {
        for (long long i = n - 2; i > 0; i--) {
            long long j = between(0, i), t = b[i];

            b[i] = b[j];
            b[j] = t;
        }
    }
    printf("%lld\n", n);
    print_line(a, n);
    print_line(b, n - 1);
    free(a);
    free(b);
    return 0;
}
