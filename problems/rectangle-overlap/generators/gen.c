/* Test generator for rectangle-overlap.
 * Usage: gen MODE SEED T [R] > file.in
 *   small : T random pairs with coordinates in [-R, R] (many shared coordinates,
 *           so many touching pairs)
 *   mixed : T pairs from a mix of constructions anywhere in [-10^9, 10^9]:
 *           random, sharing an edge, sharing a corner, nested, identical, crossing,
 *           overlapping by a thin strip of width 1, separated by a gap of 1, and huge
 *           overlaps whose area exceeds 2^31
 *   Every pair is randomly mirrored in x and/or y and its two rectangles randomly swapped.
 * Deterministic: splitmix64 seeded with SEED, no rand()/time(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t st;

static uint64_t next(void)
{
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long long rnd(long long lo, long long hi) /* inclusive */
{
    return lo + (long long)(next() % (uint64_t)(hi - lo + 1));
}

#define M 1000000000LL

/* Two distinct sorted values in [lo, hi]. */
static void span(long long lo, long long hi, long long *a, long long *b)
{
    long long x = rnd(lo, hi), y;
    do
        y = rnd(lo, hi);
    while (y == x);
    *a = x < y ? x : y;
    *b = x < y ? y : x;
}

static void emit(long long *r)
{
    if (next() & 1) { /* mirror in x */
        long long a = -r[2], b = -r[0], c = -r[6], d = -r[4];
        r[0] = a, r[2] = b, r[4] = c, r[6] = d;
    }
    if (next() & 1) { /* mirror in y */
        long long a = -r[3], b = -r[1], c = -r[7], d = -r[5];
        r[1] = a, r[3] = b, r[5] = c, r[7] = d;
    }
    if (next() & 1) /* swap the rectangles */
        for (int k = 0; k < 4; k++) {
            long long t = r[k];
            r[k] = r[k + 4];
            r[k + 4] = t;
        }
    printf("%lld %lld %lld %lld %lld %lld %lld %lld\n", r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
}

static void mixed_one(long long *r)
{
    long long x1, x2, y1, y2;
    span(-M / 2, M / 2, &x1, &x2);
    span(-M / 2, M / 2, &y1, &y2);
    r[0] = x1, r[1] = y1, r[2] = x2, r[3] = y2;
    long long w = x2 - x1, h = y2 - y1;
    switch (rnd(0, 9)) {
    case 0: /* random, anywhere */
        span(-M, M, &r[0], &r[2]);
        span(-M, M, &r[1], &r[3]);
        span(-M, M, &r[4], &r[6]);
        span(-M, M, &r[5], &r[7]);
        break;
    case 1: /* shares the right edge of rect 1 as its left edge */
        r[4] = x2, r[6] = x2 + rnd(1, M / 2);
        r[5] = y1 + rnd(-(h < M / 2 ? h : M / 2), h), r[7] = r[5] + rnd(1, M / 2);
        break;
    case 2: /* shares only the top-right corner */
        r[4] = x2, r[5] = y2, r[6] = x2 + rnd(1, M / 2), r[7] = y2 + rnd(1, M / 2);
        break;
    case 3: /* nested (possibly sharing edges) */
        r[4] = x1 + rnd(0, w - 1), r[6] = rnd(r[4] + 1, x2);
        r[5] = y1 + rnd(0, h - 1), r[7] = rnd(r[5] + 1, y2);
        break;
    case 4: /* identical */
        r[4] = x1, r[5] = y1, r[6] = x2, r[7] = y2;
        break;
    case 5: /* cross: rect 2 is taller and narrower, no corner inside the other */
        if (w < 3) {
            r[2] = x2 = x1 + 3;
            w = 3;
        }
        r[4] = x1 + rnd(1, w - 2), r[6] = rnd(r[4] + 1, x2 - 1);
        r[5] = y1 - rnd(1, M / 2), r[7] = y2 + rnd(1, M / 2);
        break;
    case 6: /* overlap by a strip of width 1 */
        r[4] = x2 - 1, r[6] = x2 + rnd(0, M / 2);
        r[5] = y1 + rnd(0, h - 1), r[7] = r[5] + rnd(1, M / 2);
        break;
    case 7: /* gap of 1 */
        r[4] = x2 + 1, r[6] = r[4] + rnd(1, M / 2 - 1);
        r[5] = y1, r[7] = y2;
        break;
    default: /* huge overlap, area far above 2^31 */
        r[0] = -M + rnd(0, 1000), r[1] = -M + rnd(0, 1000);
        r[2] = M - rnd(0, 1000), r[3] = M - rnd(0, 1000);
        r[4] = rnd(-M, 0), r[5] = rnd(-M, 0);
        r[6] = rnd(r[4] + 100000, M), r[7] = rnd(r[5] + 100000, M);
        break;
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: gen MODE SEED T [R]\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long t = atol(argv[3]);
    long long r[8];
    printf("%ld\n", t);
    for (long q = 0; q < t; q++) {
        if (strcmp(mode, "small") == 0) {
            long long R = argc > 4 ? atoll(argv[4]) : 5;
            span(-R, R, &r[0], &r[2]);
            span(-R, R, &r[1], &r[3]);
            span(-R, R, &r[4], &r[6]);
            span(-R, R, &r[5], &r[7]);
        } else if (strcmp(mode, "mixed") == 0) {
            mixed_one(r);
        } else {
            fprintf(stderr, "unknown mode\n");
            return 1;
        }
        emit(r);
    }
    return 0;
}
