#include "solution.h"

#include <stdlib.h>

/* Wrong: starts from nums[0] even when the first entry is missing (its value is unspecified). */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    int prev = numsSize > 0 ? nums[0] : 0;
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i])
            prev = nums[i];
        res[i] = prev;
    }
    *returnSize = numsSize;
    return res;
}
