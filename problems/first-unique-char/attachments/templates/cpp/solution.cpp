#include "solution.hpp"

#include <string>

char first_non_repeating(const std::string &s)
{
    (void)s;
    return '\0';
}
