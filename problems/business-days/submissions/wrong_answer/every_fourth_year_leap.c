#include "solution.h"

/* Mistake: every year divisible by 4 is a leap year (forgets the century rule).
 * The weekday is anchored at 2000-01-01, a Saturday, so ranges inside
 * 1900-03-01 .. 2100-02-28 come out right and the rest drift. */
static long day_number(const char *s)
{
    long y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    long m = (s[5] - '0') * 10 + (s[6] - '0');
    long d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int before[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long py = y - 1;
    long n = py * 365 + py / 4 + before[m - 1] + (d - 1);
    if (y % 4 == 0 && m > 2)
        n++;
    return n;
}

int business_days(const char *start, const char *end)
{
    long a = day_number(start), b = day_number(end);
    if (a > b) {
        long t = a;
        a = b;
        b = t;
    }
    long anchor = day_number("2000-01-01");
    long wd = (((a - anchor + 5) % 7) + 7) % 7; /* 0 = Monday */
    long full = (b - a + 1) / 7;
    int count = (int)(full * 5);
    for (long k = a + full * 7; k <= b; k++) {
        if (wd < 5)
            count++;
        wd = (wd + 1) % 7;
    }
    return count;
}
