/* Deterministic generator for the large kmeans tests (see README.md for the exact commands).
 *   gen blobs   n d k maxIter lo hi spread seed   k blob centres uniform in [lo, hi]^d, each point
 *                                                 a random centre plus noise in [-spread, spread]
 *   gen uniform n d k maxIter maxc seed           points uniform in [-maxc, maxc]^d
 * In both modes the initial centroids are k data points picked at random (they may coincide).
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

static long long clampc(long long v) { return v < -100000 ? -100000 : v > 100000 ? 100000 : v; }

int main(int argc, char **argv) {
    if (argc < 2) return 1;
    int blobs = strcmp(argv[1], "blobs") == 0;
    if (argc != (blobs ? 10 : 8)) { fprintf(stderr, "bad arguments\n"); return 1; }
    int n = atoi(argv[2]), d = atoi(argv[3]), k = atoi(argv[4]);
    long long maxIter = atoll(argv[5]);
    state = strtoull(argv[blobs ? 9 : 7], NULL, 10);
    long long *pts = malloc(sizeof(long long) * (size_t)n * (size_t)d);
    if (blobs) {
        long long lo = atoll(argv[6]), hi = atoll(argv[7]), spread = atoll(argv[8]);
        long long *ctr = malloc(sizeof(long long) * (size_t)k * (size_t)d);
        for (int i = 0; i < k * d; i++) ctr[i] = range(lo, hi);
        for (int i = 0; i < n; i++) {
            int b = (int)range(0, k - 1);
            for (int c = 0; c < d; c++) pts[i * d + c] = clampc(ctr[b * d + c] + range(-spread, spread));
        }
        free(ctr);
    } else {
        long long maxc = atoll(argv[6]);
        for (int i = 0; i < n * d; i++) pts[i] = range(-maxc, maxc);
    }
    printf("%d %d %d %lld\n", n, d, k, maxIter);
    for (int i = 0; i < n; i++)
        for (int c = 0; c < d; c++) printf(c + 1 < d ? "%lld " : "%lld\n", pts[i * d + c]);
    for (int j = 0; j < k; j++) {
        int p = (int)range(0, n - 1);
        for (int c = 0; c < d; c++) printf(c + 1 < d ? "%lld " : "%lld\n", pts[p * d + c]);
    }
    free(pts);
    return 0;
}
