/* Mistake: the port of the Python idiom `prev = x or prev`: a reading of 0 is falsy, so a present
 * 0 is treated like a missing reading and replaced by the value before it. */
#include "solution.h"

#include <stdlib.h>

int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    int prev = 0;
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i] && nums[i] != 0)
            prev = nums[i];
        res[i] = prev;
    }
    *returnSize = numsSize;
    return res;
}
