#include <stdio.h>

int main(void)
{
    long n, x, y;
    if (scanf("%ld", &n) != 1 || n < 3 || n > 1000)
        return 43;
    for (long i = 0; i < n; i++)
        if (scanf("%ld %ld", &x, &y) != 2 || x < -1000000 || x > 1000000 || y < -1000000 ||
            y > 1000000)
            return 43;
    char c;
    return scanf(" %c", &c) == 1 ? 43 : 42;
}
