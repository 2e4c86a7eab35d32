/* Mistake: takes the highest bar strictly to the left and strictly to the right of each position
 * (excluding the bar itself) and adds min(left, right) - h[i] without clamping at 0: a bar taller
 * than its surroundings adds a negative amount. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;

    if (scanf("%d", &n) != 1)
        return 1;
    long long *h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    long long *right = malloc(sizeof *right * (size_t)(n > 0 ? n : 1));
    if (!h || !right)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    long long best = 0;
    for (int i = n - 1; i >= 0; i--) {
        right[i] = best; /* highest bar strictly to the right */
        if (h[i] > best)
            best = h[i];
    }
    long long left = 0, water = 0;
    for (int i = 0; i < n; i++) {
        water += (left < right[i] ? left : right[i]) - h[i];
        if (h[i] > left)
            left = h[i];
    }
    printf("%lld\n", water);
    free(h);
    free(right);
    return 0;
}
