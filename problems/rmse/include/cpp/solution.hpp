#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* Returns the root mean squared error between actual and predicted, or -1.0 when the two vectors
 * have different lengths or are empty. */
double rmse(const std::vector<int> &actual, const std::vector<int> &predicted);

#endif
