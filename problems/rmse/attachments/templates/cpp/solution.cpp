#include "solution.hpp"

#include <vector>

double rmse(const std::vector<int> &actual, const std::vector<int> &predicted)
{
    (void)actual;
    (void)predicted;
    return -1.0;
}
