#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/*
 * left and right hold binary class labels (0 or 1) of the two children of a split.
 * Returns the weighted Gini impurity of the split:
 *   (left.size() * G(left) + right.size() * G(right)) / (left.size() + right.size()),
 * with G(S) = 1 - p0^2 - p1^2, G(empty) = 0, and 0 when both children are empty.
 */
double weightedGini(const std::vector<int> &left, const std::vector<int> &right);

#endif
