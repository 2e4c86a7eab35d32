/* Wrong: Lloyd's algorithm with the centroids kept in float (24-bit mantissa): a coordinate near
 * 10^5 is off by up to 0.004, which flips a point that is almost equidistant from two centroids.
 * Sums are kept in long long. */
#include <stdlib.h>
#include "solution.h"

int *kMeans(int **points, int pointsSize, int *pointsColSize, int k, int **initialCentroids,
            int maxIter, int *returnSize) {
    int n = pointsSize, d = pointsColSize[0];
    float *cen = malloc(sizeof(float) * (size_t)k * (size_t)d);
    long long *sum = malloc(sizeof(long long) * (size_t)k * (size_t)d);
    int *count = malloc(sizeof(int) * (size_t)k);
    int *assign = malloc(sizeof(int) * (size_t)n);
    for (int j = 0; j < k; j++)
        for (int c = 0; c < d; c++) cen[j * d + c] = initialCentroids[j][c];
    for (int t = 1; t <= maxIter; t++) {
        int changed = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestDist = 0;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = points[i][c] - cen[j * d + c];
                    s += diff * diff;
                }
                if (j == 0 || s < bestDist) { bestDist = s; best = j; }
            }
            if (t == 1 || assign[i] != best) changed = 1;
            assign[i] = best;
        }
        if (!changed) break;
        for (int j = 0; j < k * d; j++) sum[j] = 0;
        for (int j = 0; j < k; j++) count[j] = 0;
        for (int i = 0; i < n; i++) {
            int j = assign[i];
            count[j]++;
            for (int c = 0; c < d; c++) sum[j * d + c] += points[i][c];
        }
        for (int j = 0; j < k; j++)
            if (count[j] > 0)
                for (int c = 0; c < d; c++) cen[j * d + c] = (float)((double)sum[j * d + c] / count[j]);
    }
    free(cen); free(sum); free(count);
    *returnSize = n;
    return assign;
}
