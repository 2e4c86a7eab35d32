#include <stdio.h>

int main(void)
{
    long n, best = 0, cur = 0, prev = 0, x;
    if (scanf("%ld", &n) != 1)
        return 1;
    for (long i = 0; i < n; i++) {
        if (scanf("%ld", &x) != 1)
            return 1;
        cur = i > 0 && x > prev ? cur + 1 : 1;
        if (cur > best)
            best = cur;
        prev = x;
    }
    printf("%ld\n", best);
    return 0;
}
