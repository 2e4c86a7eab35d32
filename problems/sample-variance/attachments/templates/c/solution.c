#include "solution.h"

#include <math.h>

double sampleVariance(const int *nums, int numsSize)
{
    (void)nums;
    (void)numsSize;
    return -1.0;
}
