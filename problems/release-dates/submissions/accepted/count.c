/* Counts the dates on or after the cutoff in each list. ISO dates
 * (YYYY-MM-DD, fixed width) compare correctly as strings. */
#include <stdio.h>
#include <string.h>

static long count_list(long k, const char *cutoff)
{
    long c = 0;
    char d[16];
    for (long i = 0; i < k; i++) {
        if (scanf("%15s", d) != 1)
            return -1;
        if (strcmp(d, cutoff) >= 0)
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
