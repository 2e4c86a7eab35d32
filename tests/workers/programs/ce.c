/* Compilation error: the compiler's diagnostics are the result. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    return nums[0] +;
}
