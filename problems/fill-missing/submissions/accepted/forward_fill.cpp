// Carry the last seen value forward, starting from 0.
#include "solution.hpp"

#include <cstddef>

std::vector<int> fillMissing(const std::vector<int> &nums, const std::vector<bool> &isMissing)
{
    std::vector<int> res(nums.size());
    int last = 0;
    for (std::size_t i = 0; i < nums.size(); i++) {
        if (!isMissing[i])
            last = nums[i];
        res[i] = last;
    }
    return res;
}
