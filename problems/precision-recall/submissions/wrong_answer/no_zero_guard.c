#include "solution.h"

#include <stdlib.h>

/* Wrong: divides without checking for a zero denominator (0 / 0 gives NaN). */
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
        long long rowSum = 0, colSum = 0;
        for (int j = 0; j < k; j++) {
            rowSum += matrix[i][j];
            colSum += matrix[j][i];
        }
        res[2 * i] = (double)matrix[i][i] / (double)colSum;
        res[2 * i + 1] = (double)matrix[i][i] / (double)rowSum;
    }
    *returnSize = 2 * k;
    return res;
}
