/* Accepted, slowly: 200 ms of CPU per test (about 4 s a submission), so that a worker can be
 * stopped in the middle of one. */
#include <time.h>

#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    clock_t end = clock() + CLOCKS_PER_SEC / 5;
    while (clock() < end)
        ;
    long long n = numsSize, sum = 0;
    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    return (int)(n * (n + 1) / 2 - sum);
}
