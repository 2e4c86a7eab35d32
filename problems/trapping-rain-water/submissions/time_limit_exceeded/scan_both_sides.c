/* Brute force: for every bar, scan left and right for the highest bars. O(n^2). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    long long *h;
    long long water = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    if (!h)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int i = 0; i < n; i++) {
        long long left = 0, right = 0;

        for (int j = 0; j <= i; j++)
            if (h[j] > left)
                left = h[j];
        for (int j = i; j < n; j++)
            if (h[j] > right)
                right = h[j];
        water += (left < right ? left : right) - h[i];
    }
    printf("%lld\n", water);
    free(h);
    return 0;
}
