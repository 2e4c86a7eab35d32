#include "solution.h"
int missing_number(int *nums, int numsSize)
{
    return numsSize; /* right only when n is missing */
}
