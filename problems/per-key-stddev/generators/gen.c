/*
 * Deterministic generator for per-key-stddev.
 *   gen pool N SEED K LO HI   K random keys (1..8 characters from [a-z0-9_]; duplicates merge);
 *                             each of the N rows takes a uniformly random key from the pool and a
 *                             value uniform in [LO, HI]
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
    if (argc != 7 || strcmp(argv[1], "pool") != 0) {
        fprintf(stderr, "usage: gen pool N SEED K LO HI\n");
        return 1;
    }
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
    long long n = atoll(argv[2]);
    state = strtoull(argv[3], NULL, 10);
    long long k = atoll(argv[4]);
    long long lo = atoll(argv[5]), hi = atoll(argv[6]);
    char (*pool)[9] = malloc(sizeof(*pool) * (size_t)k);
    for (long long i = 0; i < k; i++) {
        int l = (int)uniform(1, 8);
        for (int j = 0; j < l; j++)
            pool[i][j] = alphabet[uniform(0, 36)];
        pool[i][l] = '\0';
    }
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++)
        printf("%s %lld\n", pool[uniform(0, k - 1)], uniform(lo, hi));
    free(pool);
    return 0;
}
