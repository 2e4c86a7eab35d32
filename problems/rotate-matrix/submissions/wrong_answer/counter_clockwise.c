/* Mistake: transposes and then reverses every column instead of every row, which rotates 90
 * degrees counter-clockwise. */
#include "solution.h"

void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize)
{
    int n = matrixSize;

    (void)matrixColSize;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int t = matrix[i][j];

            matrix[i][j] = matrix[j][i];
            matrix[j][i] = t;
        }
    for (int i = 0; i < n / 2; i++)
        for (int j = 0; j < n; j++) {
            int t = matrix[i][j];

            matrix[i][j] = matrix[n - 1 - i][j];
            matrix[n - 1 - i][j] = t;
        }
}
