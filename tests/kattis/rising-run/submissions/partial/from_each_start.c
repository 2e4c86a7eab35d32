/* Walks forward from every start: quadratic, enough for group 1 only. */
#include <stdio.h>

static long a[200000];

int main(void)
{
    long n, best = 0;
    if (scanf("%ld", &n) != 1)
        return 1;
    for (long i = 0; i < n; i++)
        if (scanf("%ld", &a[i]) != 1)
            return 1;
    for (long i = 0; i < n; i++) {
        long j = i + 1;
        while (j < n && a[j] > a[j - 1])
            j++;
        for (long k = i; k < j; k++) /* and counts it again, for nothing */
            best = j - i > best ? j - i : best;
    }
    printf("%ld\n", best);
    return 0;
}
