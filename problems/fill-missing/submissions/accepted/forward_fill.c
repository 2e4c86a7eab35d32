#include "solution.h"

#include <stdlib.h>

/* One pass, carrying the last value seen: O(n). */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    int prev = 0;
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i])
            prev = nums[i];
        res[i] = prev;
    }
    *returnSize = numsSize;
    return res;
}
