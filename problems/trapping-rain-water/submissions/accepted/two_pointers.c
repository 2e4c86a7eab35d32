/* Two pointers: the lower side is bounded by its own running maximum. O(n) time, O(1) space. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    long long *h;
    long long water = 0, left_max = 0, right_max = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    if (!h)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &h[i]) != 1)
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
    printf("%lld\n", water);
    free(h);
    return 0;
}
