#include "solution.hpp"

#include <string>

int digit_accumulator(const std::string &s)
{
    (void)s;
    return 0;
}
