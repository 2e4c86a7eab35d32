#include "solution.h"

/* Mistake: only asks whether a corner of one rectangle lies strictly inside the
 * other; misses a cross shape and identical rectangles. */
static bool inside(int x, int y, const int *r)
{
    return r[0] < x && x < r[2] && r[1] < y && y < r[3];
}

static bool any_corner_inside(const int *a, const int *b)
{
    return inside(a[0], a[1], b) || inside(a[0], a[3], b) ||
           inside(a[2], a[1], b) || inside(a[2], a[3], b);
}

bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1Size;
    (void)rect2Size;
    return any_corner_inside(rect1, rect2) || any_corner_inside(rect2, rect1);
}
