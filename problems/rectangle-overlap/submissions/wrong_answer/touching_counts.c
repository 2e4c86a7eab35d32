#include "solution.h"

/* Mistake: strict comparisons, so rectangles that only share an edge or a
 * corner are reported as overlapping. */
bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1Size;
    (void)rect2Size;
    if (rect1[2] < rect2[0] || rect2[2] < rect1[0])
        return false;
    if (rect1[3] < rect2[1] || rect2[3] < rect1[1])
        return false;
    return true;
}
