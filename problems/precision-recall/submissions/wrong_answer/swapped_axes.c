#include "solution.h"

#include <stdlib.h>

/* Wrong: takes the rows as the predicted classes, so precision and recall are swapped. */
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
        long long tp = matrix[i][i], fp = 0, fn = 0;
        for (int j = 0; j < k; j++) {
            if (j == i)
                continue;
            fp += matrix[i][j];
            fn += matrix[j][i];
        }
        res[2 * i] = tp + fp ? (double)tp / (double)(tp + fp) : 0.0;
        res[2 * i + 1] = tp + fn ? (double)tp / (double)(tp + fn) : 0.0;
    }
    *returnSize = 2 * k;
    return res;
}
