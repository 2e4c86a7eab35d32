#include "solution.h"

/* Mistake: the centre-distance test |c1 - c2| * 2 < w1 + w2 on each axis, with doubled centres
 * x1 + x2 and widths summed in 32-bit int. Coordinates near +-10^9 make x1 + x2 and w1 + w2 pass
 * 2^31 and wrap. (The wrap is spelt with unsigned casts so that it is defined behaviour; plain int
 * arithmetic wraps the same way on the judge's machine.) */
static int wrap(long long v)
{
    return (int)(unsigned)v;
}

static bool axis_overlap(int lo1, int hi1, int lo2, int hi2)
{
    int c1 = wrap((long long)lo1 + hi1), c2 = wrap((long long)lo2 + hi2);
    int w = wrap((long long)wrap((long long)hi1 - lo1) + wrap((long long)hi2 - lo2));
    int d = wrap((long long)c1 - c2);

    if (d < 0)
        d = wrap(-(long long)d);
    return d < w;
}

bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1Size;
    (void)rect2Size;
    return axis_overlap(rect1[0], rect1[2], rect2[0], rect2[2]) &&
           axis_overlap(rect1[1], rect1[3], rect2[1], rect2[3]);
}
