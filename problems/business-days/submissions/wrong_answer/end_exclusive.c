#include "solution.h"

/* Mistake: treats the range as half-open [start, end), so the end date is never counted. */
static long day_number(const char *s)
{
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    long m = (s[5] - '0') * 10 + (s[6] - '0');
    long d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long py = y - 1;
    long n = py * 365 + py / 4 - py / 100 + py / 400 + before[m - 1] + (d - 1);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (leap && m > 2)
        n++;
    return n;
}

static long weekdays_before(long d)
{
    long rest = d % 7;
    return d / 7 * 5 + (rest < 5 ? rest : 5);
}

int business_days(const char *start, const char *end)
{
    long a = day_number(start), b = day_number(end);
    if (a > b) {
        long t = a;
        a = b;
        b = t;
    }
    return (int)(weekdays_before(b) - weekdays_before(a));
}
