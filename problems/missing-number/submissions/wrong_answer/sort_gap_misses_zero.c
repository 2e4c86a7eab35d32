/* Mistake: sorts and looks for a gap between neighbours, or returns n; forgets that 0 itself can be missing. */
#include <stdlib.h>

#include "solution.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

int missing_number(int *nums, int numsSize)
{
    qsort(nums, (size_t)numsSize, sizeof *nums, cmp_int);
    for (int i = 0; i + 1 < numsSize; i++)
        if (nums[i + 1] != nums[i] + 1)
            return nums[i] + 1;
    return numsSize;
}
