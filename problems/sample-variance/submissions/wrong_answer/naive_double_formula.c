#include "solution.h"

#include <math.h>

/* Wrong: E[x^2] - E[x]^2 in double loses everything to cancellation when the mean is large. */
double sampleVariance(const int *nums, int numsSize)
{
    if (numsSize < 2)
        return -1.0;
    double sum = 0.0, sumsq = 0.0;
    for (int i = 0; i < numsSize; i++) {
        sum += nums[i];
        sumsq += (double)nums[i] * nums[i];
    }
    double var = (sumsq - sum * sum / numsSize) / (numsSize - 1);
    return round(var * 100.0) / 100.0;
}
