/* Mistake: the shape is checked in one pass by counting the elements and comparing with
 * rows * (length of the first row). A ragged matrix whose rows average out to the first row's
 * length (3, 2, 4) passes the check and is summed. */
#include "solution.h"

long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    long long total = 0, sum = 0;

    if (matrixSize <= 0)
        return 0;
    for (int i = 0; i < matrixSize; i++) {
        total += matrixColSize[i];
        for (int j = 0; j < matrixColSize[i]; j++)
            sum += matrix[i][j];
    }
    if (total != (long long)matrixSize * matrixColSize[0])
        return 0;
    return sum;
}
