#include "solution.h"

/* Mistake: sums every element without checking that the rows have the same length. */
long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    long long sum = 0;
    for (int i = 0; i < matrixSize; i++)
        for (int j = 0; j < matrixColSize[i]; j++)
            sum += matrix[i][j];
    return sum;
}
