/*
 * Deterministic generator for iqr-outliers.
 *   gen body N SEED CENTER SPREAD OUTPERMILLE OUTSPREAD
 *       each value is, with probability OUTPERMILLE per mille, an outlier uniform in
 *       [CENTER - OUTSPREAD, CENTER + OUTSPREAD]; otherwise a bell-shaped body value
 *       CENTER + (sum of 4 uniforms in [-SPREAD, SPREAD]) / 2. Values are clamped to [-1e9, 1e9].
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
    if (argc != 8 || strcmp(argv[1], "body") != 0) {
        fprintf(stderr, "usage: gen body N SEED CENTER SPREAD OUTPERMILLE OUTSPREAD\n");
        return 1;
    }
    long long n = atoll(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    long long center = atoll(argv[4]), spread = atoll(argv[5]);
    long long outpm = atoll(argv[6]), outspread = atoll(argv[7]);
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++) {
        long long v;
        if (uniform(0, 999) < outpm) {
            v = uniform(center - outspread, center + outspread);
        } else {
            long long s = 0;
            for (int k = 0; k < 4; k++)
                s += uniform(-spread, spread);
            v = center + s / 2;
        }
        if (v < -1000000000LL)
            v = -1000000000LL;
        if (v > 1000000000LL)
            v = 1000000000LL;
        printf("%lld\n", v);
    }
    return 0;
}
