// The squared errors summed in double, one division and one square root.
#include "solution.hpp"

#include <cmath>
#include <cstddef>

double rmse(const std::vector<int> &actual, const std::vector<int> &predicted)
{
    if (actual.size() != predicted.size() || actual.empty())
        return -1.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < actual.size(); i++) {
        double d = (double)actual[i] - predicted[i];
        sum += d * d;
    }
    return std::sqrt(sum / actual.size());
}
