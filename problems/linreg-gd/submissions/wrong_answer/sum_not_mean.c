/* WRONG: uses the summed gradient X^T (Xw - y) without the 1/m factor, as if the loss were a sum of
 * squares rather than a mean: every step is m times too long. */
#include <stdlib.h>
#include "solution.h"

double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize) {
    (void)ySize;
    int m = XSize, n = XColSize[0];
    double *w = calloc((size_t)n, sizeof(double));
    double *grad = malloc(sizeof(double) * (size_t)n);
    for (int e = 0; e < epochs; e++) {
        for (int j = 0; j < n; j++) grad[j] = 0.0;
        for (int i = 0; i < m; i++) {
            double pred = 0.0;
            for (int j = 0; j < n; j++) pred += X[i][j] * w[j];
            double err = pred - y[i];
            for (int j = 0; j < n; j++) grad[j] += X[i][j] * err;
        }
        for (int j = 0; j < n; j++) w[j] -= learningRate * grad[j];
    }
    free(grad);
    *returnSize = n;
    return w;
}
