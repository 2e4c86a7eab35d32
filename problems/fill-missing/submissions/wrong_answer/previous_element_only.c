#include "solution.h"

#include <stdlib.h>

/* Wrong: copies the previous input element, so a run of two or more missing values breaks. */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i])
            res[i] = nums[i];
        else
            res[i] = i > 0 ? nums[i - 1] : 0;
    }
    *returnSize = numsSize;
    return res;
}
