#ifndef SOLUTION_H
#define SOLUTION_H

/* Sum of all elements of the matrix (matrixSize rows, row i has matrixColSize[i]
 * elements); 0 if the matrix is empty or ragged (rows of different lengths). */
long long matrix_sum(int **matrix, int matrixSize, int *matrixColSize);

#endif
