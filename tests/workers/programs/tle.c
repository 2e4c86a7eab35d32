/* Time limit exceeded on the empty test only (secret/01-empty): the other tests pass. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    volatile unsigned spin = 0;
    if (numsSize == 0)
        for (;;)
            spin++;
    long long n = numsSize, sum = 0;
    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(n * (n + 1) / 2 - sum);
}
