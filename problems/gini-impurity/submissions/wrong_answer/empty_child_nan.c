#include "solution.h"

/* Wrong: no special case for an empty child: 0 / 0 makes the whole result NaN. */
static double gini(const int *labels, int n)
{
    long long ones = 0;
    for (int i = 0; i < n; i++)
        ones += labels[i];
    double p1 = (double)ones / n, p0 = 1.0 - p1;
    return 1.0 - (p0 * p0 + p1 * p1);
}

double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    long long total = (long long)leftSize + rightSize;
    return ((double)leftSize * gini(left, leftSize) + (double)rightSize * gini(right, rightSize)) / (double)total;
}
