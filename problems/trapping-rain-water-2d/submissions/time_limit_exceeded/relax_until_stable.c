/*
 * Naive flooding: start with every inner cell full to "infinity", then simulate rounds: in each
 * round every inner cell drops to max(its height, lowest level among its neighbours in the previous
 * round), until a round changes nothing. Correct, but a drop in level travels one cell per round,
 * so a long winding channel needs as many rounds as it has cells: O((mn)^2) in the worst case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    int m, n, changed = 1;
    long long *h, *level, *next;
    long long water = 0;
    size_t cells;

    if (scanf("%d %d", &m, &n) != 2)
        return 1;
    cells = (size_t)m * (size_t)n;
    h = malloc(sizeof *h * cells);
    level = malloc(sizeof *level * cells);
    next = malloc(sizeof *next * cells);
    if (!h || !level || !next)
        return 1;
    for (size_t i = 0; i < cells; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int r = 0; r < m; r++)
        for (int c = 0; c < n; c++)
            level[r * n + c] = (r == 0 || r == m - 1 || c == 0 || c == n - 1) ? h[r * n + c] : (long long)4e18;
    memcpy(next, level, sizeof *level * cells);
    while (changed) {
        long long *t;

        changed = 0;
        for (int r = 1; r < m - 1; r++) {
            for (int c = 1; c < n - 1; c++) {
                int k = r * n + c;
                long long low = level[k - n];

                if (level[k + n] < low)
                    low = level[k + n];
                if (level[k - 1] < low)
                    low = level[k - 1];
                if (level[k + 1] < low)
                    low = level[k + 1];
                if (low < h[k])
                    low = h[k];
                next[k] = low < level[k] ? low : level[k];
                if (next[k] != level[k])
                    changed = 1;
            }
        }
        t = level;
        level = next;
        next = t;
    }
    for (size_t i = 0; i < cells; i++)
        water += level[i] - h[i];
    printf("%lld\n", water);
    free(h);
    free(level);
    free(next);
    return 0;
}
