/* Sorts the values in place (cycle sort: each value goes to its own index), then scans. */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    int i = 0;
    while (i < numsSize) {
        int want = nums[i];
        if (want < numsSize && want != i && nums[want] != want) {
            int tmp = nums[want];
            nums[want] = want;
            nums[i] = tmp;
        } else {
            i++;
        }
    }
    for (i = 0; i < numsSize; i++)
        if (nums[i] != i)
            break;
    return i;
}
