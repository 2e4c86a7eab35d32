#include "solution.h"

/* Mistake: computes the intersection area in int; with coordinates up to 10^9
 * the product overflows (wraps in practice) and a big overlap looks empty. */
static int max_i(int a, int b)
{
    return a > b ? a : b;
}

static int min_i(int a, int b)
{
    return a < b ? a : b;
}

bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1Size;
    (void)rect2Size;
    long long w = (long long)min_i(rect1[2], rect2[2]) - max_i(rect1[0], rect2[0]);
    long long h = (long long)min_i(rect1[3], rect2[3]) - max_i(rect1[1], rect2[1]);
    if (w <= 0 || h <= 0)
        return false;
    int area = (int)(unsigned int)((unsigned long long)w * (unsigned long long)h);
    return area > 0;
}
