// Count every byte, then scan for the first one counted once.
#include "solution.hpp"

char first_non_repeating(const std::string &s)
{
    int count[256] = {0};
    for (unsigned char c : s)
        count[c]++;
    for (char c : s)
        if (count[(unsigned char)c] == 1)
            return c;
    return '\0';
}
