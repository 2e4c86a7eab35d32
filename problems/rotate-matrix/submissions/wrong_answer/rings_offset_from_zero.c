/* Mistake: ring rotation that measures the offset from column 0 instead of from the ring's first
 * column. Right for the outer ring, wrong for every inner ring (n >= 4). */
#include "solution.h"

void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize)
{
    int n = matrixSize;

    (void)matrixColSize;
    for (int layer = 0; layer < n / 2; layer++) {
        int first = layer, last = n - 1 - layer;

        for (int i = first; i < last; i++) {
            int offset = i;
            int top = matrix[first][i];

            matrix[first][i] = matrix[last - offset][first];
            matrix[last - offset][first] = matrix[last][last - offset];
            matrix[last][last - offset] = matrix[i][last];
            matrix[i][last] = top;
        }
    }
}
