/* Mistake: the carried reading is kept in a float ("sensor readings are measurements"). A float
 * holds integers exactly only up to 2^24, so a carried reading near 10^9 is rounded (and a present
 * one too, since every output goes through the carry). */
#include "solution.h"

#include <stdlib.h>

int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    float prev = 0.0f;
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i])
            prev = (float)nums[i];
        res[i] = (int)prev;
    }
    *returnSize = numsSize;
    return res;
}
