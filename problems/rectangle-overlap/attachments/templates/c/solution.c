#include "solution.h"

bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size)
{
    (void)rect1;
    (void)rect1Size;
    (void)rect2;
    (void)rect2Size;
    return false;
}
