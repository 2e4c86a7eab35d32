/* Mistake: "rows of length 0 are allowed" read as "empty rows do not count for the shape", so
 * an empty row among full ones is skipped by the check instead of making the matrix ragged. */
#include "solution.h"

long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize)
{
    int width = -1;
    long long sum = 0;

    for (int i = 0; i < matrixSize; i++) {
        if (matrixColSize[i] == 0)
            continue;
        if (width < 0)
            width = matrixColSize[i];
        else if (matrixColSize[i] != width)
            return 0;
    }
    for (int i = 0; i < matrixSize; i++)
        for (int j = 0; j < matrixColSize[i]; j++)
            sum += matrix[i][j];
    return sum;
}
