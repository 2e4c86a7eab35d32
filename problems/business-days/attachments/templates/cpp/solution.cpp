#include "solution.hpp"

#include <string>

int business_days(const std::string &start, const std::string &end)
{
    (void)start;
    (void)end;
    return 0;
}
