#include "solution.h"

/* Mistake: accumulates the total in an int, which overflows (wraps in practice)
 * once the sum leaves the int range. */
long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    if (matrixSize <= 0)
        return 0;
    for (int i = 1; i < matrixSize; i++)
        if (matrixColSize[i] != matrixColSize[0])
            return 0;
    unsigned int sum = 0; /* the bit pattern of a wrapping int accumulator */
    for (int i = 0; i < matrixSize; i++)
        for (int j = 0; j < matrixColSize[i]; j++)
            sum += (unsigned int)matrix[i][j];
    return (int)sum;
}
