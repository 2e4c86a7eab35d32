// Count the ones of each child; weight each child's impurity by its size.
#include "solution.hpp"

#include <cstddef>

static double gini(const std::vector<int> &labels)
{
    if (labels.empty())
        return 0.0;
    long ones = 0;
    for (int v : labels)
        ones += v == 1;
    double p1 = (double)ones / labels.size(), p0 = 1.0 - p1;
    return 1.0 - p0 * p0 - p1 * p1;
}

double weightedGini(const std::vector<int> &left, const std::vector<int> &right)
{
    std::size_t total = left.size() + right.size();
    if (total == 0)
        return 0.0;
    return (left.size() * gini(left) + right.size() * gini(right)) / total;
}
