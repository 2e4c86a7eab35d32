#include <stdio.h>

int main(void)
{
    long n, x;
    if (scanf("%ld", &n) != 1 || n < 1 || n > 200000)
        return 43;
    for (long i = 0; i < n; i++)
        if (scanf("%ld", &x) != 1 || x < -1000000000 || x > 1000000000)
            return 43;
    char c;
    return scanf(" %c", &c) == 1 ? 43 : 42;
}
