#include "solution.h"

void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize)
{
    /* Write your code here. */
    (void)matrix;
    (void)matrixSize;
    (void)matrixColSize;
}
