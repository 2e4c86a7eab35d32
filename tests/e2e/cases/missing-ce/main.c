#include "solution.h"
int missing_number(int *nums, int numsSize)
{
    return nums[0] + undefined_variable;
}
