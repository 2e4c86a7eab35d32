/*
 * trapping-rain-water-2d generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen random M N HMAX SEED   heights uniform in [0, HMAX]
 *   gen basin  M N HMAX SEED   border cells HMAX, inner cells uniform in [0, HMAX]
 *   gen maze   M N SEED        walls of height 10^6 and one serpentine channel (heights in
 *                              [0, 1000]) through every odd row, draining through a single gap
 *                              in the right border: water must find its way out along the channel
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WALL 1000000

static unsigned long long state;

static unsigned long long splitmix64(void)
{
    unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static long long between(long long lo, long long hi)
{
    return lo + (long long)(splitmix64() % (unsigned long long)(hi - lo + 1));
}

int main(int argc, char **argv)
{
    long long m, n, hmax = 0, *g;
    int maze;

    if (argc == 6 && (strcmp(argv[1], "random") == 0 || strcmp(argv[1], "basin") == 0)) {
        hmax = atoll(argv[4]);
        state = strtoull(argv[5], NULL, 10);
        maze = 0;
    } else if (argc == 5 && strcmp(argv[1], "maze") == 0) {
        state = strtoull(argv[4], NULL, 10);
        maze = 1;
    } else {
        fprintf(stderr, "usage: gen random|basin M N HMAX SEED | gen maze M N SEED\n");
        return 2;
    }
    m = atoll(argv[2]);
    n = atoll(argv[3]);
    g = malloc(sizeof *g * (size_t)(m * n));
    if (!g)
        return 1;
    for (long long r = 0; r < m; r++) {
        for (long long c = 0; c < n; c++) {
            int border = r == 0 || r == m - 1 || c == 0 || c == n - 1;

            if (maze)
                g[r * n + c] = WALL;
            else if (strcmp(argv[1], "basin") == 0 && border)
                g[r * n + c] = hmax;
            else
                g[r * n + c] = between(0, hmax);
        }
    }
    if (maze && m >= 3 && n >= 3) {
        long long last = (m - 2) % 2 == 1 ? m - 2 : m - 3; /* lowest odd row inside the border */
        int at_left = 1;

        for (long long r = 1; r <= last; r += 2)
            for (long long c = 1; c <= n - 2; c++)
                g[r * n + c] = between(0, 1000);
        /* from the exit upwards, the channel turns alternately at the left and the right end */
        for (long long r = last; r >= 3; r -= 2) {
            g[(r - 1) * n + (at_left ? 1 : n - 2)] = between(0, 1000);
            at_left = !at_left;
        }
        g[last * n + (n - 1)] = 0; /* the only way out */
    }
    printf("%lld %lld\n", m, n);
    for (long long r = 0; r < m; r++)
        for (long long c = 0; c < n; c++)
            printf(c + 1 < n ? "%lld " : "%lld\n", g[r * n + c]);
    free(g);
    return 0;
}
