/*
 * Deterministic generator for precision-recall.
 *   gen random R C SEED MAXV DIAGBOOST ZEROPCT
 *       entry (i, j) is 0 with probability ZEROPCT percent, otherwise uniform in [0, MAXV];
 *       diagonal entries (i == j) are uniform in [0, MAXV] and then multiplied by DIAGBOOST
 *       (capped at MAXV), so correct predictions dominate when DIAGBOOST > 1.
 *   gen emptyclasses K SEED MAXV EVERY
 *       K x K random matrix where every EVERY-th row and every (EVERY+1)-th column is all zero
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
    if (argc == 8 && strcmp(argv[1], "random") == 0) {
        long long r = atoll(argv[2]), c = atoll(argv[3]);
        state = strtoull(argv[4], NULL, 10);
        long long maxv = atoll(argv[5]), boost = atoll(argv[6]), zeropct = atoll(argv[7]);
        printf("%lld %lld\n", r, c);
        for (long long i = 0; i < r; i++) {
            for (long long j = 0; j < c; j++) {
                long long v;
                if (i == j) {
                    v = uniform(0, maxv) * boost;
                    if (v > maxv)
                        v = maxv;
                } else {
                    v = uniform(0, 99) < zeropct ? 0 : uniform(0, maxv);
                }
                printf(j ? " %lld" : "%lld", v);
            }
            printf("\n");
        }
    } else if (argc == 6 && strcmp(argv[1], "emptyclasses") == 0) {
        long long k = atoll(argv[2]);
        state = strtoull(argv[3], NULL, 10);
        long long maxv = atoll(argv[4]), every = atoll(argv[5]);
        printf("%lld %lld\n", k, k);
        for (long long i = 0; i < k; i++) {
            for (long long j = 0; j < k; j++) {
                long long v = (i % every == 0 || j % (every + 1) == 0) ? 0 : uniform(0, maxv);
                printf(j ? " %lld" : "%lld", v);
            }
            printf("\n");
        }
    } else {
        fprintf(stderr, "usage: see the comment at the top of gen.c\n");
        return 1;
    }
    return 0;
}
