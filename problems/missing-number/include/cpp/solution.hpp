#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* nums holds nums.size() distinct integers taken from 0..nums.size(); exactly one value of that
 * range is absent. Return it. nums is a copy: the function may reorder it. */
int missing_number(std::vector<int> nums);

#endif
