#include "solution.h"
int missing_number(int *nums, int numsSize)
{
    volatile long long spin = 0;
    for (;;)
        spin += nums[0] + numsSize;
}
