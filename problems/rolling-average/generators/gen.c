/* Deterministic generator for the large rolling-average tests (see README.md for the commands).
 *   gen n w minVisits maxVisits seed      visits uniform in [minVisits, maxVisits]
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

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: gen n w minVisits maxVisits seed\n"); return 1; }
    int n = atoi(argv[1]), w = atoi(argv[2]);
    long long lo = atoll(argv[3]), hi = atoll(argv[4]);
    state = strtoull(argv[5], NULL, 10);
    printf("%d %d\n", n, w);
    for (int i = 0; i < n; i++) printf("%lld\n", range(lo, hi));
    return 0;
}
