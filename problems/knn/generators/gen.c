/* Deterministic generator for the large knn tests (see README.md for the exact commands).
 *   gen random   n d k maxCoord numLabels seed   coordinates uniform in [-maxCoord, maxCoord],
 *                                                labels uniform in [0, numLabels)
 *   gen distinct n d k maxCoord seed             every label distinct (a vote tie at every j >= 2)
 *   gen ties     n d k maxCoord numLabels seed   tiny coordinate range: many equal distances
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (argc < 2) return 1;
    const char *mode = argv[1];
    int distinct = strcmp(mode, "distinct") == 0;
    if (argc != (distinct ? 7 : 8)) { fprintf(stderr, "bad arguments\n"); return 1; }
    int n = atoi(argv[2]), d = atoi(argv[3]), k = atoi(argv[4]);
    long long maxc = atoll(argv[5]);
    long long numLabels = distinct ? 0 : atoll(argv[6]);
    state = strtoull(argv[distinct ? 6 : 7], NULL, 10);
    int *perm = NULL;
    if (distinct) { /* the labels are a random permutation of 0..n-1 */
        perm = malloc(sizeof(int) * (size_t)n);
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = (int)range(0, i);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        }
    }
    printf("%d %d %d\n", n, d, k);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) printf("%lld ", range(-maxc, maxc));
        if (distinct) printf("%d\n", perm[i]);
        else printf("%lld\n", range(0, numLabels - 1));
    }
    for (int j = 0; j < d; j++) printf(j ? " %lld" : "%lld", range(-maxc, maxc));
    printf("\n");
    free(perm);
    return 0;
}
