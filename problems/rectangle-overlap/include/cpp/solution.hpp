#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* rect = {x1, y1, x2, y2}: bottom-left (x1, y1), top-right (x2, y2), x1 < x2, y1 < y2.
 * true if the two rectangles share a region of positive area. */
bool is_overlap(const std::vector<int> &rect1, const std::vector<int> &rect2);

#endif
