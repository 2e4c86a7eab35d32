#include "solution.h"
#include <stddef.h>
int missing_number(int *nums, int numsSize)
{
    volatile int *p = NULL;
    return *p + nums[0] + numsSize;
}
