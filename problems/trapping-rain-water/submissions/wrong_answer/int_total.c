/* Mistake: correct two-pointer walk, but the total is kept in an int and overflows past 2^31 - 1. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    int *h;
    int water = 0, left_max = 0, right_max = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    if (!h)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%d", &h[i]) != 1)
            return 1;
    for (int l = 0, r = n - 1; l < r;) {
        if (h[l] < h[r]) {
            if (h[l] > left_max)
                left_max = h[l];
            water += left_max - h[l];
            l++;
        } else {
            if (h[r] > right_max)
                right_max = h[r];
            water += right_max - h[r];
            r--;
        }
    }
    printf("%d\n", water);
    free(h);
    return 0;
}
