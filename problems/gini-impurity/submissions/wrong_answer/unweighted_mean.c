#include "solution.h"

static double gini(const int *labels, int n)
{
    if (n == 0)
        return 0.0;
    long long ones = 0;
    for (int i = 0; i < n; i++)
        ones += labels[i];
    double p1 = (double)ones / n, p0 = 1.0 - p1;
    return 1.0 - (p0 * p0 + p1 * p1);
}

/* Wrong: plain average of the two children, ignoring their sizes. */
double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    if (leftSize + rightSize == 0)
        return 0.0;
    return (gini(left, leftSize) + gini(right, rightSize)) / 2.0;
}
