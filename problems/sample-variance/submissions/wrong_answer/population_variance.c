#include "solution.h"

#include <math.h>

/* Wrong: divides by n (population variance) instead of n - 1. */
double sampleVariance(const int *nums, int numsSize)
{
    if (numsSize < 2)
        return -1.0;
    double mean = 0.0, m2 = 0.0;
    for (int i = 0; i < numsSize; i++) {
        double x = nums[i];
        double delta = x - mean;
        mean += delta / (i + 1);
        m2 += delta * (x - mean);
    }
    return round(m2 / numsSize * 100.0) / 100.0;
}
