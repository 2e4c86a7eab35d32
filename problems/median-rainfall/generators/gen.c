/* Deterministic generator for the large median-rainfall tests (see README.md for the commands).
 *   gen n dryPercent maxHundredths seed
 * Each row gets a random day name; with probability dryPercent % the rainfall is 0.00, otherwise
 * it is uniform in [0.01, maxHundredths / 100].
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

static const char *DAYS[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                             "Sunday"};

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: gen n dryPercent maxHundredths seed\n"); return 1; }
    int n = atoi(argv[1]), dry = atoi(argv[2]);
    long long maxH = atoll(argv[3]);
    state = strtoull(argv[4], NULL, 10);
    printf("%d\n", n);
    for (int i = 0; i < n; i++) {
        long long v = range(0, 99) < dry ? 0 : range(1, maxH);
        printf("%s %lld.%02lld\n", DAYS[range(0, 6)], v / 100, v % 100);
    }
    return 0;
}
