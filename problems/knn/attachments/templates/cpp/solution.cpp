#include "solution.hpp"

#include <vector>

int kNN(int k, const std::vector<std::vector<int>> &data, const std::vector<int> &labels,
        const std::vector<int> &newPoint)
{
    (void)k;
    (void)data;
    (void)labels;
    (void)newPoint;
    return 0;
}
