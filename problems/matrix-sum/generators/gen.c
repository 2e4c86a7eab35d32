/* Test generator for matrix-sum.
 * Usage: gen MODE SEED R C > file.in   (an R x C matrix in the input format)
 *   random : values uniform in [-10^9, 10^9]
 *   max    : every value 10^9
 *   min    : every value -10^9
 *   big    : values uniform in [9*10^8, 10^9] (every row sum and the total overflow int)
 *   ragged : like random, but the last row has C - 1 values
 * Deterministic: splitmix64 seeded with SEED, no rand()/time(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t st;

static uint64_t next(void)
{
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long rnd(long lo, long hi) /* inclusive */
{
    return lo + (long)(next() % (uint64_t)(hi - lo + 1));
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: gen MODE SEED R C\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long r = atol(argv[3]), c = atol(argv[4]);
    printf("%ld\n", r);
    for (long i = 0; i < r; i++) {
        long ci = c;
        if (strcmp(mode, "ragged") == 0 && i == r - 1)
            ci = c - 1;
        printf("%ld", ci);
        for (long j = 0; j < ci; j++) {
            long v;
            if (strcmp(mode, "max") == 0)
                v = 1000000000L;
            else if (strcmp(mode, "min") == 0)
                v = -1000000000L;
            else if (strcmp(mode, "big") == 0)
                v = rnd(900000000L, 1000000000L);
            else if (strcmp(mode, "random") == 0 || strcmp(mode, "ragged") == 0)
                v = rnd(-1000000000L, 1000000000L);
            else {
                fprintf(stderr, "unknown mode\n");
                return 1;
            }
            printf(" %ld", v);
        }
        putchar('\n');
    }
    return 0;
}
