// One pass over the characters, adding the value of each digit.
#include "solution.hpp"

int digit_accumulator(const std::string &s)
{
    int sum = 0;
    for (char c : s)
        if (c >= '0' && c <= '9')
            sum += c - '0';
    return sum;
}
