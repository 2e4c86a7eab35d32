#include <stdio.h>
#include <time.h>
/* Accepted on sum-groups, but naps 300 ms on every test: a slow client's judgement to queue behind. */
int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    nanosleep(&(struct timespec){0, 300000000}, NULL);
    printf("%lld\n", a + b);
    return 0;
}
