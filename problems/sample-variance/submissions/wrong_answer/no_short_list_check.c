#include "solution.h"

#include <math.h>

/* Wrong: forgets that lists with fewer than 2 elements have no sample variance. */
double sampleVariance(const int *nums, int numsSize)
{
    double mean = 0.0, m2 = 0.0;
    for (int i = 0; i < numsSize; i++) {
        double x = nums[i];
        double delta = x - mean;
        mean += delta / (i + 1);
        m2 += delta * (x - mean);
    }
    return round(m2 / (numsSize - 1) * 100.0) / 100.0;
}
