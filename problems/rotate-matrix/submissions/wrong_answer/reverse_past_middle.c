/* Mistake: the row reversal runs to j <= n / 2, so for even n the two middle cells are swapped
 * twice and stay where they were. Odd n happens to work. */
#include "solution.h"

void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize)
{
    int n = matrixSize;

    (void)matrixColSize;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            int t = matrix[i][j];

            matrix[i][j] = matrix[j][i];
            matrix[j][i] = t;
        }
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j <= n / 2; j++) {
            int t = matrix[i][j];

            matrix[i][j] = matrix[i][n - 1 - j];
            matrix[i][n - 1 - j] = t;
        }
    }
}
