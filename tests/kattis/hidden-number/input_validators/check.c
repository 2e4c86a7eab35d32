#include <stdio.h>

int main(void)
{
    long n, x;
    char extra;
    if (scanf("%ld %ld", &n, &x) != 2 || n < 1 || n > 1000000 || x < 1 || x > n)
        return 43;
    if (scanf(" %c", &extra) == 1)
        return 43;
    return 42;
}
