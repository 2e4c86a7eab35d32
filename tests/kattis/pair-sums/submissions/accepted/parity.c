#include <stdio.h>

int main(void)
{
    long long n, even = 0, odd = 0;
    if (scanf("%lld", &n) != 1)
        return 1;
    for (long long i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1)
            return 1;
        if (x % 2 == 0)
            even++;
        else
            odd++;
    }
    printf("%lld\n", even * (even - 1) / 2 + odd * (odd - 1) / 2);
    return 0;
}
