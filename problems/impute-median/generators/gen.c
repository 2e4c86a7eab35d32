/* Deterministic generator for the large impute-median tests (see README.md for the commands).
 *   gen n missingPercent maxCents seed
 * Names are drawn from a small list of California cheeses plus a numeric suffix; each price is
 * NA with probability missingPercent %, otherwise uniform in [0, maxCents] cents.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state;

static unsigned long long next64(void) { /* splitmix64 */
    unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long long range(long long lo, long long hi) { /* uniform in [lo, hi] */
    return lo + (long long)(next64() % (unsigned long long)(hi - lo + 1));
}

static const char *NAMES[] = {"Jack", "Brie", "Blue", "Feta", "Colby", "Teleme", "Gouda", "Asiago"};

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: gen n missingPercent maxCents seed\n"); return 1; }
    int n = atoi(argv[1]), missing = atoi(argv[2]);
    long long maxCents = atoll(argv[3]);
    state = strtoull(argv[4], NULL, 10);
    printf("%d\n", n);
    for (int i = 0; i < n; i++) {
        printf("%s%d ", NAMES[range(0, 7)], (int)range(0, 999));
        if (range(0, 99) < missing) printf("NA\n");
        else {
            long long c = range(0, maxCents);
            printf("%lld.%02lld\n", c / 100, c % 100);
        }
    }
    return 0;
}
