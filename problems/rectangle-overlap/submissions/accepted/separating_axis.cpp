// They overlap unless one lies entirely left of, right of, below or above the other.
#include "solution.hpp"

bool is_overlap(const std::vector<int> &rect1, const std::vector<int> &rect2)
{
    return rect1[0] < rect2[2] && rect2[0] < rect1[2] && rect1[1] < rect2[3] && rect2[1] < rect1[3];
}
