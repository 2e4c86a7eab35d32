/*
 * Mistake: carries the 1D method over to 2D. The level above a cell is taken as the lowest of the
 * four highest walls straight left, right, up and down. Water that escapes along a bent path
 * (around a corner) is wrongly kept.
 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int m, n;
    long long *h, *left, *right, *up, *down;
    long long water = 0;
    size_t cells;

    if (scanf("%d %d", &m, &n) != 2)
        return 1;
    cells = (size_t)m * (size_t)n;
    h = malloc(sizeof *h * cells);
    left = malloc(sizeof *left * cells);
    right = malloc(sizeof *right * cells);
    up = malloc(sizeof *up * cells);
    down = malloc(sizeof *down * cells);
    if (!h || !left || !right || !up || !down)
        return 1;
    for (size_t i = 0; i < cells; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int r = 0; r < m; r++) {
        for (int c = 0; c < n; c++) {
            int k = r * n + c;

            left[k] = (c > 0 && left[k - 1] > h[k]) ? left[k - 1] : h[k];
            up[k] = (r > 0 && up[k - n] > h[k]) ? up[k - n] : h[k];
        }
    }
    for (int r = m - 1; r >= 0; r--) {
        for (int c = n - 1; c >= 0; c--) {
            int k = r * n + c;

            right[k] = (c < n - 1 && right[k + 1] > h[k]) ? right[k + 1] : h[k];
            down[k] = (r < m - 1 && down[k + n] > h[k]) ? down[k + n] : h[k];
        }
    }
    for (size_t k = 0; k < cells; k++) {
        long long level = left[k];

        if (right[k] < level)
            level = right[k];
        if (up[k] < level)
            level = up[k];
        if (down[k] < level)
            level = down[k];
        water += level - h[k];
    }
    printf("%lld\n", water);
    free(h);
    free(left);
    free(right);
    free(up);
    free(down);
    return 0;
}
