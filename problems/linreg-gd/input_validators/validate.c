/* Input validator for linreg-gd: exit 42 if stdin is a valid test, 43 otherwise. Besides the
 * format and the bounds it runs the descent to check that every weight stays in [-1e9, 1e9]. */
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

/* Reads a decimal number: optional '-', integer part without leading zeros, optionally '.' and
 * 1 to 6 digits; no exponent, no negative zero. Returns the value in units of 10^-6. */
static long long readDecimal(long long loMicro, long long hiMicro) {
    int c = getchar(), neg = 0, digits = 0;
    long long ip = 0, fp = 0;
    if (c == '-') { neg = 1; c = getchar(); }
    if (c < '0' || c > '9') fail("expected a digit");
    int first = c;
    while (c >= '0' && c <= '9') {
        if (++digits > 9) fail("integer part too long");
        ip = ip * 10 + (c - '0');
        c = getchar();
    }
    if (first == '0' && digits > 1) fail("leading zero");
    int fd = 0;
    if (c == '.') {
        c = getchar();
        while (c >= '0' && c <= '9') {
            if (++fd > 6) fail("more than 6 decimals");
            fp = fp * 10 + (c - '0');
            c = getchar();
        }
        if (fd == 0) fail("no digit after the decimal point");
    }
    if (c != EOF) ungetc(c, stdin);
    for (int i = fd; i < 6; i++) fp *= 10;
    long long v = ip * 1000000 + fp;
    if (neg && v == 0) fail("negative zero");
    if (neg) v = -v;
    if (v < loMicro || v > hiMicro) fail("number out of range");
    return v;
}

int main(void) {
    long long m = readInt(1, 200000);
    expectChar(' ');
    long long n = readInt(1, 500);
    expectChar(' ');
    long long epochs = readInt(0, 100000);
    expectChar(' ');
    double lr = (double)readDecimal(1, 10000000) / 1e6;
    expectChar('\n');
    if (m * n > 200000) fail("m * n too large");
    if (m * n * epochs > 50000000) fail("m * n * epochs too large");
    double *X = malloc(sizeof(double) * (size_t)(m * n));
    double *y = malloc(sizeof(double) * (size_t)m);
    for (long long i = 0; i < m; i++) {
        for (long long j = 0; j < n; j++) {
            X[i * n + j] = (double)readDecimal(-1000000000LL, 1000000000LL) / 1e6;
            expectChar(' ');
        }
        y[i] = (double)readDecimal(-1000000000000LL, 1000000000000LL) / 1e6;
        expectChar('\n');
    }
    expectEOF();
    double *w = calloc((size_t)n, sizeof(double));
    double *g = malloc(sizeof(double) * (size_t)n);
    for (long long e = 0; e < epochs; e++) {
        for (long long j = 0; j < n; j++) g[j] = 0;
        for (long long i = 0; i < m; i++) {
            double p = 0;
            for (long long j = 0; j < n; j++) p += X[i * n + j] * w[j];
            p -= y[i];
            for (long long j = 0; j < n; j++) g[j] += X[i * n + j] * p;
        }
        for (long long j = 0; j < n; j++) {
            w[j] -= lr * (g[j] / (double)m);
            if (!(w[j] >= -1e9 && w[j] <= 1e9)) fail("the descent is not stable");
        }
    }
    free(X); free(y); free(w); free(g);
    return 42;
}
