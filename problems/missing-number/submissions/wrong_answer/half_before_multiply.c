/* Mistake: to keep n * (n + 1) from overflowing, the halving is done first, as n / 2 * (n + 1).
 * Integer division drops the remainder, so the expected sum is short by (n + 1) / 2 for every
 * odd n. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    long long n = numsSize;
    long long expected = n / 2 * (n + 1);
    long long sum = 0;

    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(expected - sum);
}
