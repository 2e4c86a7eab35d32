/* Expected sum of 0..n minus the actual sum, in 64-bit arithmetic: O(n) time, O(1) space. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    long long n = numsSize;
    long long sum = 0;

    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(n * (n + 1) / 2 - sum);
}
