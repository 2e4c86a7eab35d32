/* Mistake: compares only the years, so any date in the cutoff's year counts. */
#include <stdio.h>
#include <stdlib.h>

static long count_list(long k, int cutoff_year)
{
    long c = 0;
    char d[16];
    for (long i = 0; i < k; i++) {
        if (scanf("%15s", d) != 1)
            return -1;
        if (atoi(d) >= cutoff_year)
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
    int year = atoi(cutoff);
    long a = count_list(n, year);
    long b = count_list(m, year);
    printf("%ld %ld\n", a, b);
    puts(a > b ? "A" : b > a ? "B" : "A B");
    return 0;
}
