/* Mistake: swaps with the XOR trick and lets the transpose loop start at j = i. XOR-swapping a cell
 * with itself clears it, so the whole diagonal of the transpose becomes 0. */
#include "solution.h"

static void xor_swap(int *a, int *b)
{
    *a ^= *b;
    *b ^= *a;
    *a ^= *b;
}

void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize)
{
    int n = matrixSize;

    (void)matrixColSize;
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++)
            xor_swap(&matrix[i][j], &matrix[j][i]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n / 2; j++)
            xor_swap(&matrix[i][j], &matrix[i][n - 1 - j]);
}
