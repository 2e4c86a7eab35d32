#include "solution.h"

#include <stdlib.h>

double *precisionRecall(int **matrix, int matrixSize, int *matrixColSize, int *returnSize)
{
    (void)matrix;
    (void)matrixSize;
    (void)matrixColSize;
    *returnSize = 0;
    return NULL;
}
