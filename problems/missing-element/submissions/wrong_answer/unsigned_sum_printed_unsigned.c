/* Mistake: the difference of the two sums is taken in unsigned arithmetic, to make the
 * wrap-around well defined, and then printed with %u: right modulo 2^32, but a negative removed
 * value comes out as a number near 4 * 10^9. */
#include <stdio.h>

int main(void)
{
    int n;
    unsigned sum = 0;
    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < 2 * n - 1; i++) {
        int v;
        if (scanf("%d", &v) != 1)
            return 1;
        if (i < n)
            sum += (unsigned)v;
        else
            sum -= (unsigned)v;
    }
    printf("%u\n", sum);
    return 0;
}
