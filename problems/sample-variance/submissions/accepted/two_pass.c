#include "solution.h"

#include <math.h>

/* Two passes: exact integer sum for the mean, then the squared deviations. */
double sampleVariance(const int *nums, int numsSize)
{
    if (numsSize < 2)
        return -1.0;
    long long sum = 0;
    for (int i = 0; i < numsSize; i++)
        sum += nums[i];
    double mean = (double)sum / numsSize;
    double ss = 0.0;
    for (int i = 0; i < numsSize; i++) {
        double d = nums[i] - mean;
        ss += d * d;
    }
    return round(ss / (numsSize - 1) * 100.0) / 100.0;
}
