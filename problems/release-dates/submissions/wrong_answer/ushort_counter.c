/* Mistake: counts in an unsigned short ("a list of releases is short"); a list has up to 100000
 * dates, so past 65535 counted dates the count wraps. */
#include <stdio.h>
#include <string.h>

static long count_list(long k, const char *cutoff)
{
    unsigned short c = 0;
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
