/* Run-time error on the tests of one element (secret/02, secret/03). */
#include <stdlib.h>

#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    if (numsSize == 1)
        abort();
    long long n = numsSize, sum = 0;
    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(n * (n + 1) / 2 - sum);
}
