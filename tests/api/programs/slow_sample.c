#include <stdio.h>
#include <time.h>
/* Accepted on sum-groups, but spins 2 s on the sample (1 2): a judgement to interrupt with SIGTERM. */
int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    if (a == 1 && b == 2) {
        struct timespec s, t;
        clock_gettime(CLOCK_MONOTONIC, &s);
        do
            clock_gettime(CLOCK_MONOTONIC, &t);
        while ((t.tv_sec - s.tv_sec) * 1000 + (t.tv_nsec - s.tv_nsec) / 1000000 < 2000);
    }
    printf("%lld\n", a + b);
    return 0;
}
