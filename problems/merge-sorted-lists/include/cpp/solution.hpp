#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* l1 and l2 are each sorted in non-decreasing order. Return all l1.size() + l2.size() integers
 * in non-decreasing order. */
std::vector<int> merge_sorted_lists(const std::vector<int> &l1, const std::vector<int> &l2);

#endif
