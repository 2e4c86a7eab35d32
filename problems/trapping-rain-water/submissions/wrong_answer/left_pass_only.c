/* Mistake: one left-to-right pass with the running maximum of the left side, water += max - h[i].
 * Right while the bars to the right rise again, but after the tallest bar nothing holds the water
 * on the right: a falling slope is counted as full. */
#include <stdio.h>

int main(void)
{
    int n;
    long long left_max = 0, water = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < n; i++) {
        long long x;

        if (scanf("%lld", &x) != 1)
            return 1;
        if (x > left_max)
            left_max = x;
        water += left_max - x;
    }
    printf("%lld\n", water);
    return 0;
}
