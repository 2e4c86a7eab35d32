/* Wrong answer: always 0. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    (void)nums;
    (void)numsSize;
    return 0;
}
