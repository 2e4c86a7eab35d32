/* Input validator for kmeans: exit 42 if stdin is a valid test, 43 otherwise. Besides the format
 * and the bounds it runs the algorithm to check the promise "at most 100 assignment steps". */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why) {
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

/* Reads an integer written canonically (optional '-', no leading zeros, no "-0") in [lo, hi]. */
static long long readInt(long long lo, long long hi) {
    int c = getchar(), neg = 0, digits = 0;
    long long v = 0;
    if (c == '-') { neg = 1; c = getchar(); }
    if (c < '0' || c > '9') fail("expected a digit");
    int first = c;
    while (c >= '0' && c <= '9') {
        if (++digits > 18) fail("number too long");
        v = v * 10 + (c - '0');
        c = getchar();
    }
    if (c != EOF) ungetc(c, stdin);
    if (first == '0' && digits > 1) fail("leading zero");
    if (neg && v == 0) fail("negative zero");
    if (neg) v = -v;
    if (v < lo || v > hi) fail("integer out of range");
    return v;
}

static void expectChar(int want) {
    if (getchar() != want) fail(want == '\n' ? "expected end of line" : "expected a single space");
}

static void expectEOF(void) {
    if (getchar() != EOF) fail("trailing data");
}

int main(void) {
    long long n = readInt(1, 100000);
    expectChar(' ');
    long long d = readInt(1, 10);
    expectChar(' ');
    long long k = readInt(1, 100);
    expectChar(' ');
    long long maxIter = readInt(1, 1000000000);
    expectChar('\n');
    if (n * d * k > 1000000) fail("n * d * k too large");
    long long *x = malloc(sizeof(long long) * (size_t)(n * d));
    double *cen = malloc(sizeof(double) * (size_t)(k * d));
    long long *sum = malloc(sizeof(long long) * (size_t)(k * d));
    long long *cnt = malloc(sizeof(long long) * (size_t)k);
    int *a = malloc(sizeof(int) * (size_t)n);
    for (long long i = 0; i < n * d; i++) {
        x[i] = readInt(-100000, 100000);
        expectChar((i + 1) % d ? ' ' : '\n');
    }
    for (long long j = 0; j < k * d; j++) {
        cen[j] = (double)readInt(-100000, 100000);
        expectChar((j + 1) % d ? ' ' : '\n');
    }
    expectEOF();
    long long steps = 0;
    for (long long t = 1; t <= maxIter; t++) {
        if (++steps > 100) fail("more than 100 assignment steps");
        int changed = 0;
        for (long long i = 0; i < n; i++) {
            int best = 0;
            double bestDist = 0;
            for (long long j = 0; j < k; j++) {
                double s = 0;
                for (long long c = 0; c < d; c++) {
                    double diff = (double)x[i * d + c] - cen[j * d + c];
                    s += diff * diff;
                }
                if (j == 0 || s < bestDist) { bestDist = s; best = (int)j; }
            }
            if (t == 1 || a[i] != best) changed = 1;
            a[i] = best;
        }
        if (!changed) break;
        for (long long j = 0; j < k * d; j++) sum[j] = 0;
        for (long long j = 0; j < k; j++) cnt[j] = 0;
        for (long long i = 0; i < n; i++) {
            cnt[a[i]]++;
            for (long long c = 0; c < d; c++) sum[a[i] * d + c] += x[i * d + c];
        }
        for (long long j = 0; j < k; j++)
            if (cnt[j] > 0)
                for (long long c = 0; c < d; c++) cen[j * d + c] = (double)sum[j * d + c] / (double)cnt[j];
    }
    free(x); free(cen); free(sum); free(cnt); free(a);
    return 42;
}
