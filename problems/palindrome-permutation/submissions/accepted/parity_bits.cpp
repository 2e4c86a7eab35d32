// One parity bit per byte value; a palindrome can be formed when at most one bit is set.
#include "solution.hpp"

#include <bitset>

bool perm_palindrome(const std::string &s)
{
    std::bitset<256> odd;
    for (unsigned char c : s)
        odd.flip(c);
    return odd.count() <= 1;
}
