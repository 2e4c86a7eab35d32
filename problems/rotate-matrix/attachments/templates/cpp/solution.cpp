#include "solution.hpp"

#include <vector>

void rotate_matrix(std::vector<std::vector<int>> &matrix)
{
    (void)matrix;
}
