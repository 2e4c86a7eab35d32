#include "solution.hpp"

#include <vector>

std::vector<double> precisionRecall(const std::vector<std::vector<int>> &matrix)
{
    (void)matrix;
    return {};
}
