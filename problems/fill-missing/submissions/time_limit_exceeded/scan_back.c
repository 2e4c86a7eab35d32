#include "solution.h"

#include <stdlib.h>

/* Brute force: for every missing entry, walk back to the last present one. O(n^2) on long gaps. */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    int *res = malloc(sizeof(int) * (size_t)(numsSize > 0 ? numsSize : 1));
    for (int i = 0; i < numsSize; i++) {
        if (!isMissing[i]) {
            res[i] = nums[i];
            continue;
        }
        int j = i - 1;
        while (j >= 0 && isMissing[j])
            j--;
        res[i] = j >= 0 ? nums[j] : 0;
    }
    *returnSize = numsSize;
    return res;
}
