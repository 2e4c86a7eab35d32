#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * Returns the root mean squared error between actual and predicted, or -1.0 when the two
 * arrays have different lengths or are empty.
 */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize);

#endif
