#include "solution.h"
#include <string.h>

/* Walks the calendar one day at a time: O(length of the range) per call. */
static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_len(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static void parse(const char *s, int *y, int *m, int *d)
{
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
}

int business_days(const char *start, const char *end)
{
    if (strcmp(start, end) > 0) {
        const char *t = start;
        start = end;
        end = t;
    }
    int y, m, d, ey, em, ed;
    parse(start, &y, &m, &d);
    parse(end, &ey, &em, &ed);
    /* weekday of the start date: count days from 0001-01-01 (a Monday) */
    long n = 0;
    for (int yy = 1; yy < y; yy++)
        n += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++)
        n += month_len(y, mm);
    n += d - 1;
    int wd = (int)(n % 7); /* 0 = Monday */
    int count = 0;
    for (;;) {
        if (wd < 5)
            count++;
        if (y == ey && m == em && d == ed)
            break;
        wd = (wd + 1) % 7;
        if (++d > month_len(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    return count;
}
