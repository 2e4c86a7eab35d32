#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    /* Write your code here. */
    (void)nums;
    (void)numsSize;
    return 0;
}
