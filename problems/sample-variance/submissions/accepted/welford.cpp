// Welford's running mean and sum of squared deviations, then rounded to 2 decimals.
#include "solution.hpp"

#include <cmath>

double sampleVariance(const std::vector<int> &nums)
{
    if (nums.size() < 2)
        return -1.0;
    double mean = 0.0, m2 = 0.0;
    long long k = 0;
    for (int v : nums) {
        k++;
        double delta = v - mean;
        mean += delta / k;
        m2 += delta * (v - mean);
    }
    return std::round(m2 / (k - 1) * 100.0) / 100.0;
}
