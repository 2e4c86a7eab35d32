#ifndef SOLUTION_H
#define SOLUTION_H

/* Classifies newPoint with the k-nearest-neighbours rule described in the statement and
 * returns the predicted label. data[i] is the i-th training point (dataColSize[i] coordinates),
 * labels[i] its class label. */
int kNN(int k, int **data, int dataSize, int *dataColSize, int *labels, int labelsSize,
        int *newPoint, int newPointSize);

#endif
