#include "solution.h"

#include <math.h>

/* Wrong: textbook formula with long long sums, which overflow for large values. */
double sampleVariance(const int *nums, int numsSize)
{
    if (numsSize < 2)
        return -1.0;
    long long sum = 0, sumsq = 0;
    for (int i = 0; i < numsSize; i++) {
        sum += nums[i];
        sumsq += (long long)nums[i] * nums[i];
    }
    double var = (sumsq - (double)sum * sum / numsSize) / (numsSize - 1);
    return round(var * 100.0) / 100.0;
}
