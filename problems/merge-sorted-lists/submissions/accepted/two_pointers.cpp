// Classic two-pointer merge, then the rest of whichever list is left.
#include "solution.hpp"

#include <cstddef>

std::vector<int> merge_sorted_lists(const std::vector<int> &l1, const std::vector<int> &l2)
{
    std::vector<int> res;
    res.reserve(l1.size() + l2.size());
    std::size_t i = 0, j = 0;
    while (i < l1.size() && j < l2.size())
        res.push_back(l2[j] < l1[i] ? l2[j++] : l1[i++]);
    res.insert(res.end(), l1.begin() + i, l1.end());
    res.insert(res.end(), l2.begin() + j, l2.end());
    return res;
}
