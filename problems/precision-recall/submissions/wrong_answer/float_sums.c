#include "solution.h"

#include <stdlib.h>

/* Mistake: sums the rows and columns in float ("int overflows, float has the range"). Float has a
 * 24-bit mantissa: next to a count of 10^9 its spacing is 64, so small counts added afterwards
 * vanish and the precision of a class with one huge count comes out as 1.0. */
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
    float *rowSum = calloc((size_t)k, sizeof(float));
    float *colSum = calloc((size_t)k, sizeof(float));
    for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++) {
            rowSum[i] += (float)matrix[i][j];
            colSum[j] += (float)matrix[i][j];
        }
    double *res = malloc(sizeof(double) * 2 * (size_t)k);
    for (int i = 0; i < k; i++) {
        double tp = matrix[i][i];
        res[2 * i] = colSum[i] != 0.0f ? tp / colSum[i] : 0.0;
        res[2 * i + 1] = rowSum[i] != 0.0f ? tp / rowSum[i] : 0.0;
    }
    free(rowSum);
    free(colSum);
    *returnSize = 2 * k;
    return res;
}
