#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * left and right hold binary class labels (0 or 1) of the two children of a split.
 * Returns the weighted Gini impurity of the split:
 *   (leftSize * G(left) + rightSize * G(right)) / (leftSize + rightSize),
 * with G(S) = 1 - p0^2 - p1^2, G(empty) = 0, and 0 when both children are empty.
 */
double weightedGini(const int *left, int leftSize, const int *right, int rightSize);

#endif
