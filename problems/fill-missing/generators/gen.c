/*
 * Deterministic generator for fill-missing.
 *   gen random N SEED MAXABS PMISS   each entry missing with probability PMISS percent,
 *                                    present values uniform in [-MAXABS, MAXABS]
 *   gen runs N SEED MAXABS MAXRUN    present value followed by a run of 0..MAXRUN missing entries
 *   gen first N V                    V followed by N-1 missing entries
 *   gen allmissing N                 N missing entries
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

static void sep(long long i) { if (i > 0) putchar(' '); }

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: see the comment at the top of gen.c\n");
        return 1;
    }
    const char *mode = argv[1];
    long long n = atoll(argv[2]);
    printf("%lld\n", n);
    if (strcmp(mode, "random") == 0 && argc == 6) {
        state = strtoull(argv[3], NULL, 10);
        long long maxabs = atoll(argv[4]);
        long long pmiss = atoll(argv[5]);
        for (long long i = 0; i < n; i++) {
            sep(i);
            if (uniform(0, 99) < pmiss)
                printf("None");
            else
                printf("%lld", uniform(-maxabs, maxabs));
        }
    } else if (strcmp(mode, "runs") == 0 && argc == 6) {
        state = strtoull(argv[3], NULL, 10);
        long long maxabs = atoll(argv[4]);
        long long maxrun = atoll(argv[5]);
        long long i = 0;
        while (i < n) {
            sep(i);
            printf("%lld", uniform(-maxabs, maxabs));
            i++;
            long long run = uniform(0, maxrun);
            for (long long k = 0; k < run && i < n; k++, i++) {
                sep(i);
                printf("None");
            }
        }
    } else if (strcmp(mode, "first") == 0 && argc == 4) {
        long long v = atoll(argv[3]);
        for (long long i = 0; i < n; i++) {
            sep(i);
            if (i == 0)
                printf("%lld", v);
            else
                printf("None");
        }
    } else if (strcmp(mode, "allmissing") == 0 && argc == 3) {
        for (long long i = 0; i < n; i++) {
            sep(i);
            printf("None");
        }
    } else {
        fprintf(stderr, "bad arguments\n");
        return 1;
    }
    printf("\n");
    return 0;
}
