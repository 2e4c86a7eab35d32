/* rotate-matrix: the function a submission implements. */
#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * matrix is a square matrix of matrixSize rows; row i is matrix[i] and holds matrixColSize[i]
 * (always equal to matrixSize) integers. Rotate it 90 degrees clockwise in place: overwrite the
 * values in the rows; do not replace, reallocate or free the row pointers. Everything belongs to
 * the caller.
 */
void rotate_matrix(int **matrix, int matrixSize, int *matrixColSize);

#endif
