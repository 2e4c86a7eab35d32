#include "solution.h"

/* Wrong: the proportions in float (24-bit mantissa): the result is off by up to ~1e-7, enough to
 * round the 6th decimal the other way when the answer lies near a rounding boundary. */
static double gini(const int *labels, int n)
{
    if (n == 0)
        return 0.0;
    long long ones = 0;
    for (int i = 0; i < n; i++)
        ones += labels[i];
    float p1 = (float)ones / n, p0 = 1.0f - p1;
    return 1.0 - (p0 * p0 + p1 * p1);
}

double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    long long total = (long long)leftSize + rightSize;
    if (total == 0)
        return 0.0;
    return ((double)leftSize * gini(left, leftSize) + (double)rightSize * gini(right, rightSize)) / (double)total;
}
