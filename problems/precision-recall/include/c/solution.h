#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * matrix[i][j] = number of samples of actual class i predicted as class j.
 * Returns a new malloc'ed array of 2 * k doubles: element 2*i is the precision and element
 * 2*i + 1 the recall of class i (0 when the denominator is 0); sets *returnSize = 2 * k.
 * If the matrix is not square, returns NULL and sets *returnSize = 0.
 * The caller frees the returned array.
 */
double *precisionRecall(int **matrix, int matrixSize, int *matrixColSize, int *returnSize);

#endif
