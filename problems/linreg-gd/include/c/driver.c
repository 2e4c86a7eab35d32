/* Driver for linreg-gd: reads the test from stdin, calls gradientDescent() and prints the
 * weights, one per line with 9 digits after the decimal point. */
#include <stdio.h>
#include <stdlib.h>
#include "solution.h"

static char *buf;
static char *pos;

static int nextDouble(double *out) {
    char *end;
    *out = strtod(pos, &end);
    if (end == pos) return 0;
    pos = end;
    return 1;
}

int main(void) {
    size_t cap = 1 << 20, len = 0, got;
    buf = malloc(cap + 1);
    if (!buf) return 1;
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
            if (!buf) return 1;
        }
    }
    buf[len] = '\0';
    pos = buf;
    double mm, nn, ee, lr;
    if (!nextDouble(&mm) || !nextDouble(&nn) || !nextDouble(&ee) || !nextDouble(&lr)) return 1;
    int m = (int)mm, n = (int)nn, epochs = (int)ee;
    double *cells = malloc(sizeof(double) * (size_t)m * (size_t)n);
    double **X = malloc(sizeof(double *) * (size_t)m);
    int *colSize = malloc(sizeof(int) * (size_t)m);
    double *y = malloc(sizeof(double) * (size_t)m);
    if (!cells || !X || !colSize || !y) return 1;
    for (int i = 0; i < m; i++) {
        X[i] = cells + (size_t)i * (size_t)n;
        colSize[i] = n;
        for (int j = 0; j < n; j++)
            if (!nextDouble(&X[i][j])) return 1;
        if (!nextDouble(&y[i])) return 1;
    }
    free(buf);
    int returnSize = -1;
    double *w = gradientDescent(X, m, colSize, y, m, lr, epochs, &returnSize);
    if (w == NULL || returnSize != n) {
        printf("invalid\n");
        return 0;
    }
    for (int j = 0; j < n; j++) printf("%.9f\n", w[j]);
    free(w);
    free(cells); free(X); free(colSize); free(y);
    return 0;
}
