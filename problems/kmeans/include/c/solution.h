#ifndef SOLUTION_H
#define SOLUTION_H

/* Runs k-means (Lloyd's algorithm, as defined in the statement) and returns a malloc'ed array
 * of pointsSize cluster indices; *returnSize must be set to pointsSize. The caller frees it. */
int *kMeans(int **points, int pointsSize, int *pointsColSize, int k, int **initialCentroids,
            int maxIter, int *returnSize);

#endif
