/* Mistake: the expected sum n * (n + 1) / 2 is computed in int and overflows once n > 46340. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    int n = numsSize;
    int expected = n * (n + 1) / 2;
    int actual = 0;

    for (int i = 0; i < n; i++)
        actual += nums[i];
    return expected - actual;
}
