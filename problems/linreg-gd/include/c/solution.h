#ifndef SOLUTION_H
#define SOLUTION_H

/* Fits linear-regression weights by batch gradient descent exactly as defined in the statement.
 * Returns a malloc'ed array of XColSize[0] weights and sets *returnSize to that count; the caller
 * frees it. */
double *gradientDescent(double **X, int XSize, int *XColSize, double *y, int ySize,
                        double learningRate, int epochs, int *returnSize);

#endif
