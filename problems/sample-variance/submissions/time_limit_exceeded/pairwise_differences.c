#include "solution.h"

#include <math.h>

/* Too slow: avoids the mean altogether with the pairwise identity
 * variance = sum over pairs i < j of (x_i - x_j)^2 / (n (n - 1)), which is exact here (integer
 * differences, no cancellation) but O(n^2): 2 * 10^10 pairs for n = 200000. */
double sampleVariance(const int *nums, int numsSize)
{
    if (numsSize < 2)
        return -1.0;
    long double ss = 0.0L;
    for (int i = 0; i < numsSize; i++)
        for (int j = i + 1; j < numsSize; j++) {
            long double d = (long double)nums[i] - nums[j];
            ss += d * d;
        }
    double v = (double)(ss / ((long double)numsSize * (numsSize - 1)));
    return round(v * 100.0) / 100.0;
}
