#ifndef SOLUTION_H
#define SOLUTION_H

#include <stdbool.h>

/*
 * Returns a new malloc'ed array of numsSize values in which every missing entry
 * (isMissing[i] true) is replaced by the most recent previous non-missing value,
 * or by 0 when no earlier value exists. Sets *returnSize to numsSize.
 * The caller frees the returned array.
 */
int *fillMissing(const int *nums, const bool *isMissing, int numsSize, int *returnSize);

#endif
