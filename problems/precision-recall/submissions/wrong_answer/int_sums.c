#include "solution.h"

#include <stdlib.h>

/* Wrong: row and column sums in int, which overflow for large counts. */
double *precisionRecall(int **matrix, int matrixSize, int *matrixColSize, int *returnSize)
{
    int k = matrixSize;
    for (int i = 0; i < k; i++) {
        if (matrixColSize[i] != k) {
            *returnSize = 0;
            return NULL;
        }
    }
    double *res = malloc(sizeof(double) * 2 * (size_t)k);
    for (int i = 0; i < k; i++) {
        int rowSum = 0, colSum = 0;
        for (int j = 0; j < k; j++) {
            rowSum += matrix[i][j];
            colSum += matrix[j][i];
        }
        res[2 * i] = colSum ? (double)matrix[i][i] / colSum : 0.0;
        res[2 * i + 1] = rowSum ? (double)matrix[i][i] / rowSum : 0.0;
    }
    *returnSize = 2 * k;
    return res;
}
