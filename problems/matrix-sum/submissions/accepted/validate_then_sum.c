#include "solution.h"

long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    if (matrixSize <= 0)
        return 0;
    for (int i = 1; i < matrixSize; i++)
        if (matrixColSize[i] != matrixColSize[0])
            return 0; /* ragged */
    long long sum = 0;
    for (int i = 0; i < matrixSize; i++)
        for (int j = 0; j < matrixColSize[i]; j++)
            sum += matrix[i][j];
    return sum;
}
