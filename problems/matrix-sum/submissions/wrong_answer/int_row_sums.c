#include "solution.h"

/* Mistake: the total is a long long, but each row is first summed in an int,
 * which overflows (wraps in practice) for a long row of large values. */
long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    if (matrixSize <= 0)
        return 0;
    for (int i = 1; i < matrixSize; i++)
        if (matrixColSize[i] != matrixColSize[0])
            return 0;
    long long sum = 0;
    for (int i = 0; i < matrixSize; i++) {
        unsigned int row = 0; /* the bit pattern of a wrapping int accumulator */
        for (int j = 0; j < matrixColSize[i]; j++)
            row += (unsigned int)matrix[i][j];
        sum += (int)row;
    }
    return sum;
}
