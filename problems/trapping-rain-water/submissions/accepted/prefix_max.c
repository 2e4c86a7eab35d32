/* Water above bar i = min(highest bar at or left of i, highest at or right of i) - h[i]. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    long long *h, *right;
    long long water = 0, left = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    right = malloc(sizeof *right * (size_t)(n > 0 ? n : 1));
    if (!h || !right)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int i = n - 1; i >= 0; i--)
        right[i] = (i + 1 < n && right[i + 1] > h[i]) ? right[i + 1] : h[i];
    for (int i = 0; i < n; i++) {
        if (h[i] > left)
            left = h[i];
        water += (left < right[i] ? left : right[i]) - h[i];
    }
    printf("%lld\n", water);
    free(h);
    free(right);
    return 0;
}
