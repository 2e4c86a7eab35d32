#include "solution.h"

#include <stdlib.h>

int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize)
{
    (void)nums;
    (void)isMissing;
    *returnSize = numsSize;
    return NULL;
}
