#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* Returns the sample variance (sum of squared deviations from the mean divided by
 * nums.size() - 1) of nums, rounded to 2 decimal places, or -1.0 when nums.size() < 2. */
double sampleVariance(const std::vector<int> &nums);

#endif
