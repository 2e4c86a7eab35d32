#include "solution.hpp"

#include <vector>

double sampleVariance(const std::vector<int> &nums)
{
    (void)nums;
    return -1.0;
}
