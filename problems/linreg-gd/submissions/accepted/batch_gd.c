/* Batch gradient descent, O(m * n) per epoch, on a column-major copy of X. Pass 1 computes all
 * residuals column by column (a vectorisable axpy), pass 2 every gradient component as a dot
 * product with four partial sums (the summation order is free within the tolerance). */
#include <stdlib.h>
#include "solution.h"

static double dot(const double *a, const double *b, int len) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    int i = 0;
    for (; i + 4 <= len; i += 4) {
        s0 += a[i] * b[i];
        s1 += a[i + 1] * b[i + 1];
        s2 += a[i + 2] * b[i + 2];
        s3 += a[i + 3] * b[i + 3];
    }
    for (; i < len; i++) s0 += a[i] * b[i];
    return (s0 + s1) + (s2 + s3);
}

double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize) {
    (void)ySize;
    int m = XSize, n = XColSize[0];
    double *cols = malloc(sizeof(double) * (size_t)m * (size_t)n); /* column-major copy */
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++) cols[(size_t)j * m + i] = X[i][j];
    double *w = calloc((size_t)n, sizeof(double));
    double *err = malloc(sizeof(double) * (size_t)m);
    for (int e = 0; e < epochs; e++) {
        for (int i = 0; i < m; i++) err[i] = 0.0;
        for (int j = 0; j < n; j++) {
            const double *col = cols + (size_t)j * m;
            double wj = w[j];
            for (int i = 0; i < m; i++) err[i] += col[i] * wj;
        }
        for (int i = 0; i < m; i++) err[i] -= y[i];
        for (int j = 0; j < n; j++) {
            double g = dot(cols + (size_t)j * m, err, m) / m;
            w[j] -= learningRate * g;      /* safe: err was computed from the old weights */
        }
    }
    free(cols); free(err);
    *returnSize = n;
    return w;
}
