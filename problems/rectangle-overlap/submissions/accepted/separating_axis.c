#include "solution.h"

bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1Size;
    (void)rect2Size;
    /* apart (or only touching) if one lies entirely left, right, below or above the other */
    if (rect1[2] <= rect2[0] || rect2[2] <= rect1[0])
        return false;
    if (rect1[3] <= rect2[1] || rect2[3] <= rect1[1])
        return false;
    return true;
}
