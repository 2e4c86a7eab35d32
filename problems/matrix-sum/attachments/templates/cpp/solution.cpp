#include "solution.hpp"

#include <vector>

long long matrix_sum(const std::vector<std::vector<int>> &matrix)
{
    (void)matrix;
    return 0;
}
