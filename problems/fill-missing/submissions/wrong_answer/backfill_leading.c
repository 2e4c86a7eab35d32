#include "solution.h"

#include <stdlib.h>

/* Wrong: leading missing values take the first present value instead of 0. */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    int prev = 0;
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i]) {
            prev = nums[i];
            break;
        }
    }
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i])
            prev = nums[i];
        res[i] = prev;
    }
    *returnSize = numsSize;
    return res;
}
