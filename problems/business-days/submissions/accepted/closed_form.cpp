// Days since 0001-01-01 (a Monday) in the proleptic Gregorian calendar; whole weeks count 5 days.
#include "solution.hpp"

#include <utility>

static long day_number(const std::string &s)
{
    long y = std::stol(s.substr(0, 4)), m = std::stol(s.substr(5, 2)), d = std::stol(s.substr(8, 2));
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long py = y - 1;
    long n = py * 365 + py / 4 - py / 100 + py / 400 + before[m - 1] + (d - 1);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return n + (leap && m > 2);
}

static long weekdays_upto(long d)
{
    if (d < 0)
        return 0;
    long days = d + 1, rest = days % 7;
    return days / 7 * 5 + (rest < 5 ? rest : 5);
}

int business_days(const std::string &start, const std::string &end)
{
    long a = day_number(start), b = day_number(end);
    if (a > b)
        std::swap(a, b);
    return (int)(weekdays_upto(b) - weekdays_upto(a - 1));
}
