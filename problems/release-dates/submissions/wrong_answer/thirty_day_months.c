/* Mistake: turns each date into an approximate day number, year * 365 + month * 30 + day, and
 * compares those. Months do not all have 30 days: January 31 and February 1 get the same number
 * (and March 1 comes before February 29), so dates next to a month boundary are misjudged. */
#include <stdio.h>
#include <string.h>

static long day_number(const char *s)
{
    int y, mo, da;

    if (sscanf(s, "%d-%d-%d", &y, &mo, &da) != 3)
        return 0;
    return y * 365L + mo * 30L + da;
}

static long count_list(long k, const char *cutoff)
{
    long c = 0;
    char d[16];
    for (long i = 0; i < k; i++) {
        if (scanf("%15s", d) != 1)
            return -1;
        if (day_number(d) >= day_number(cutoff))
            c++;
    }
    return c;
}

int main(void)
{
    char cutoff[16];
    long n, m;
    if (scanf("%15s %ld %ld", cutoff, &n, &m) != 3)
        return 1;
    long a = count_list(n, cutoff);
    long b = count_list(m, cutoff);
    printf("%ld %ld\n", a, b);
    puts(a > b ? "A" : b > a ? "B" : "A B");
    return 0;
}
