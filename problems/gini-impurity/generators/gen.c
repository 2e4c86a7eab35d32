/*
 * Deterministic generator for gini-impurity.
 *   gen split NL PL NR PR SEED   left: NL labels, each 1 with probability PL per mille;
 *                                right: NR labels, each 1 with probability PR per mille
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

static void child(long long n, long long permille)
{
    printf("%lld\n", n);
    for (long long i = 0; i < n; i++)
        printf(i ? " %d" : "%d", (long long)(next() % 1000) < permille ? 1 : 0);
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc != 7 || strcmp(argv[1], "split") != 0) {
        fprintf(stderr, "usage: gen split NL PL NR PR SEED\n");
        return 1;
    }
    state = strtoull(argv[6], NULL, 10);
    child(atoll(argv[2]), atoll(argv[3]));
    child(atoll(argv[4]), atoll(argv[5]));
    return 0;
}
