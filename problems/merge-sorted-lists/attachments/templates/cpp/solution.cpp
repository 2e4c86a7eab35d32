#include "solution.hpp"

#include <vector>

std::vector<int> merge_sorted_lists(const std::vector<int> &l1, const std::vector<int> &l2)
{
    (void)l1;
    (void)l2;
    return {};
}
