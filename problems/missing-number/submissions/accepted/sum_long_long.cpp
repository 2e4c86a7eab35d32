// 0 + 1 + ... + n minus the sum of the list, in long long so that nothing overflows.
#include "solution.hpp"

int missing_number(std::vector<int> nums)
{
    long long n = (long long)nums.size(), sum = 0;
    for (int v : nums)
        sum += v;
    return (int)(n * (n + 1) / 2 - sum);
}
