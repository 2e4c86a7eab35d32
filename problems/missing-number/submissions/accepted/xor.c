/* XOR of 0..n and of all elements: every present value cancels out. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    int x = numsSize;

    for (int i = 0; i < numsSize; i++)
        x ^= i ^ nums[i];
    return x;
}
