/* WRONG: accumulates the coordinate sums in int, which overflows for large clusters of large
 * coordinates (emulated with unsigned arithmetic so the wrap is well defined). */
#include <stdlib.h>
#include "solution.h"

int *kMeans(int **points, int pointsSize, int *pointsColSize, int k, int **initialCentroids,
            int maxIter, int *returnSize) {
    int n = pointsSize, d = pointsColSize[0];
    double *cen = malloc(sizeof(double) * (size_t)k * (size_t)d);
    unsigned *sum = malloc(sizeof(unsigned) * (size_t)k * (size_t)d);
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
            for (int c = 0; c < d; c++) sum[j * d + c] += (unsigned)points[i][c];
        }
        for (int j = 0; j < k; j++)
            if (count[j] > 0)
                for (int c = 0; c < d; c++) cen[j * d + c] = (double)(int)sum[j * d + c] / count[j];
    }
    free(cen); free(sum); free(count);
    *returnSize = n;
    return assign;
}
