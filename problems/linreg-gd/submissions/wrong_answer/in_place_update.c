/* WRONG: updates each weight as soon as its gradient component is known, so later components
 * of the same epoch use already-updated weights (not a simultaneous update). */
#include <stdlib.h>
#include "solution.h"

double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize) {
    (void)ySize;
    int m = XSize, n = XColSize[0];
    double *w = calloc((size_t)n, sizeof(double));
    double *err = malloc(sizeof(double) * (size_t)m);
    for (int e = 0; e < epochs; e++) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double pred = 0.0;
                for (int t = 0; t < n; t++) pred += X[i][t] * w[t];
                err[i] = pred - y[i];
            }
            double g = 0.0;
            for (int i = 0; i < m; i++) g += X[i][j] * err[i];
            w[j] -= learningRate * (g / m);
        }
    }
    free(err);
    *returnSize = n;
    return w;
}
