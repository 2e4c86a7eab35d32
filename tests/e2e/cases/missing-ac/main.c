#include "solution.h"
int missing_number(int *nums, int numsSize)
{
    long long sum = (long long)numsSize * (numsSize + 1) / 2;
    for (int i = 0; i < numsSize; i++)
        sum -= nums[i];
    return (int)sum;
}
