#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/*
 * Returns a new vector of nums.size() values in which every missing entry (isMissing[i] true) is
 * replaced by the most recent previous non-missing value, or by 0 when no earlier value exists.
 * The value of nums[i] is unspecified where isMissing[i] is true.
 */
std::vector<int> fillMissing(const std::vector<int> &nums, const std::vector<bool> &isMissing);

#endif
