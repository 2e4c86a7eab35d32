/* Mistake: the leap-year rule without its last clause: years divisible by 400 (1600, 2000) are
 * taken as common years, so every count across 29 February 2000 is one short. */
#include "solution.h"

/* Days since 0001-01-01 (day 0, a Monday) in the proleptic Gregorian calendar. */
static long day_number(const char *s)
{
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    long m = (s[5] - '0') * 10 + (s[6] - '0');
    long d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long py = y - 1;
    long n = py * 365 + py / 4 - py / 100 + py / 400 + before[m - 1] + (d - 1);
    int leap = y % 4 == 0 && y % 100 != 0;
    if (leap && m > 2)
        n++;
    return n;
}

/* Business days in day numbers [0, d]; 0 for d < 0. */
static long weekdays_upto(long d)
{
    if (d < 0)
        return 0;
    long days = d + 1;
    long rest = days % 7;
    return days / 7 * 5 + (rest < 5 ? rest : 5);
}

int business_days(const char *start, const char *end)
{
    long a = day_number(start), b = day_number(end);
    if (a > b) {
        long t = a;
        a = b;
        b = t;
    }
    return (int)(weekdays_upto(b) - weekdays_upto(a - 1));
}
