/* Mistake: day numbers counted from the Unix epoch (days since 1970-01-01, through the usual
 * days-from-civil formula) and weekdays counted with / and % from Monday 1970-01-05. Dates before
 * 1970 give negative numbers, and C's / and % truncate towards zero instead of flooring, so every
 * range that starts or ends before the epoch is miscounted; only the recent end of the range is
 * right. */
#include "solution.h"

static long days_from_epoch(const char *s)
{
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    long m = (s[5] - '0') * 10 + (s[6] - '0');
    long d = (s[8] - '0') * 10 + (s[9] - '0');
    y -= m <= 2;
    long era = y / 400; /* y >= 0 here: the truncation is harmless for the era */
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Weekdays in [Monday 1970-01-05, e], or minus those before it for e earlier. */
static long weekdays_upto(long e)
{
    long days = e - 4 + 1;
    long rest = days % 7;
    return days / 7 * 5 + (rest < 5 ? rest : 5);
}

int business_days(const char *start, const char *end)
{
    long a = days_from_epoch(start), b = days_from_epoch(end);
    if (a > b) {
        long t = a;
        a = b;
        b = t;
    }
    return (int)(weekdays_upto(b) - weekdays_upto(a - 1));
}
