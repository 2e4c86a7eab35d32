#include "solution.h"

#include <stdlib.h>

/* Mistake: when a denominator is 0 reports 1.0 (the "nothing predicted, nothing wrong" convention
 * of some libraries) instead of the 0.0 the statement defines. */
double *precisionRecall(int **matrix, int matrixSize, int *matrixColSize, int *returnSize)
{
    int k = matrixSize;
    if (k <= 0) {
        *returnSize = 0;
        return NULL;
    }
    for (int i = 0; i < k; i++) {
        if (matrixColSize[i] != k) {
            *returnSize = 0;
            return NULL;
        }
    }
    long long *rowSum = calloc((size_t)k, sizeof(long long));
    long long *colSum = calloc((size_t)k, sizeof(long long));
    for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++) {
            rowSum[i] += matrix[i][j];
            colSum[j] += matrix[i][j];
        }
    double *res = malloc(sizeof(double) * 2 * (size_t)k);
    for (int i = 0; i < k; i++) {
        long long tp = matrix[i][i];
        res[2 * i] = colSum[i] ? (double)tp / (double)colSum[i] : 1.0;
        res[2 * i + 1] = rowSum[i] ? (double)tp / (double)rowSum[i] : 1.0;
    }
    free(rowSum);
    free(colSum);
    *returnSize = 2 * k;
    return res;
}
