#include <stdio.h>
int main(void)
{
    long long n;
    char extra;
    if (scanf("%lld", &n) != 1 || n < 0 || n > 1000000000LL)
        return 43;
    if (scanf(" %c", &extra) == 1)
        return 43;
    return 42;
}
