/* Too slow: computes each gradient component separately and recomputes all m predictions for
 * every one of the n components, O(m * n^2) per epoch instead of O(m * n). Correct otherwise. */
#include <stdlib.h>
#include "solution.h"

double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize) {
    (void)ySize;
    int m = XSize, n = XColSize[0];
    double *w = calloc((size_t)n, sizeof(double));
    double *g = malloc(sizeof(double) * (size_t)n);
    for (int e = 0; e < epochs; e++) {
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < m; i++) {
                double pred = 0.0;
                for (int t = 0; t < n; t++) pred += X[i][t] * w[t];
                s += X[i][j] * (pred - y[i]);
            }
            g[j] = s / m;
        }
        for (int j = 0; j < n; j++) w[j] -= learningRate * g[j];
    }
    free(g);
    *returnSize = n;
    return w;
}
