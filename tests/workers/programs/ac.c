/* Accepted: the expected sum of 0..n minus the actual sum. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    long long n = numsSize, sum = 0;
    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(n * (n + 1) / 2 - sum);
}
