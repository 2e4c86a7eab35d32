// All rows as long as the first, or 0; then the sum in long long.
#include "solution.hpp"

long long matrix_sum(const std::vector<std::vector<int>> &matrix)
{
    if (matrix.empty())
        return 0;
    for (const auto &row : matrix)
        if (row.size() != matrix[0].size())
            return 0;
    long long sum = 0;
    for (const auto &row : matrix)
        for (int v : row)
            sum += v;
    return sum;
}
