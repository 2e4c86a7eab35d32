/* WRONG: accumulates the predictions and gradient sums in float to save memory bandwidth; with
 * features up to 1000 and targets up to 10^6 the sums lose far more than the 1e-6 tolerance. */
#include <stdlib.h>
#include "solution.h"

double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize) {
    (void)ySize;
    int m = XSize, n = XColSize[0];
    double *w = calloc((size_t)n, sizeof(double));
    float *grad = malloc(sizeof(float) * (size_t)n);
    for (int e = 0; e < epochs; e++) {
        for (int j = 0; j < n; j++) grad[j] = 0.0f;
        for (int i = 0; i < m; i++) {
            float pred = 0.0f;
            for (int j = 0; j < n; j++) pred += X[i][j] * w[j];
            float err = pred - (float)y[i];
            for (int j = 0; j < n; j++) grad[j] += X[i][j] * err;
        }
        for (int j = 0; j < n; j++) w[j] -= learningRate * (1.0 / m) * grad[j];
    }
    free(grad);
    *returnSize = n;
    return w;
}
