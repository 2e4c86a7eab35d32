/* Reads its input, then sleeps: TLE by wall time, at about the time limit (not 2 x TL + 1 s). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2)
        return 1;
    sleep(100);
    printf("%lld\n", a + b);
    return 0;
}
