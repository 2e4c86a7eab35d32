#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* Classifies newPoint with the k-nearest-neighbours rule described in the statement and returns
 * the predicted label. data[i] is the i-th training point, labels[i] its class label. */
int kNN(int k, const std::vector<std::vector<int>> &data, const std::vector<int> &labels,
        const std::vector<int> &newPoint);

#endif
