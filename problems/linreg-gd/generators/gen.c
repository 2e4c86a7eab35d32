/* Deterministic generator for the large linreg-gd tests (see README.md for the exact commands).
 *   gen m n epochs lr xmax intercept seed
 * Features are uniform multiples of 0.001 in [-xmax, xmax] (column 0 is all ones if intercept is
 * 1); y = X * wTrue + noise, with wTrue uniform multiples of 0.01 in [-5, 5] and noise uniform in
 * [-0.1, 0.1]. All values are printed exactly (integer arithmetic, fixed decimals).
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

static void printFixed(long long v, int decimals) { /* prints v / 10^decimals exactly */
    long long p = 1;
    for (int i = 0; i < decimals; i++) p *= 10;
    if (v < 0) { putchar('-'); v = -v; }
    printf("%lld", v / p);
    if (v % p) {
        char buf[32];
        int len = 0;
        long long f = v % p;
        for (int i = 0; i < decimals; i++) { buf[decimals - 1 - i] = (char)('0' + f % 10); f /= 10; }
        len = decimals;
        while (buf[len - 1] == '0') len--;
        printf(".%.*s", len, buf);
    }
}

int main(int argc, char **argv) {
    if (argc != 8) { fprintf(stderr, "usage: gen m n epochs lr xmax intercept seed\n"); return 1; }
    int m = atoi(argv[1]), n = atoi(argv[2]), epochs = atoi(argv[3]);
    const char *lr = argv[4];
    long long xmax = atoll(argv[5]);
    int intercept = atoi(argv[6]);
    state = strtoull(argv[7], NULL, 10);
    long long *wTrue = malloc(sizeof(long long) * (size_t)n);     /* in units of 0.01 */
    long long *row = malloc(sizeof(long long) * (size_t)n);       /* in units of 0.001 */
    for (int j = 0; j < n; j++) wTrue[j] = range(-500, 500);
    printf("%d %d %d %s\n", m, n, epochs, lr);
    for (int i = 0; i < m; i++) {
        long long y = range(-10000, 10000);                       /* in units of 0.00001 */
        for (int j = 0; j < n; j++) {
            row[j] = (intercept && j == 0) ? 1000 : range(-xmax * 1000, xmax * 1000);
            y += row[j] * wTrue[j];
        }
        for (int j = 0; j < n; j++) { printFixed(row[j], 3); putchar(' '); }
        printFixed(y, 5);
        putchar('\n');
    }
    free(wTrue); free(row);
    return 0;
}
