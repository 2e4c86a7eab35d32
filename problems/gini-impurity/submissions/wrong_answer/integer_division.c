#include "solution.h"

/* Wrong: the class proportion is computed with integer division (always 0 or 1). */
static double gini(const int *labels, int n)
{
    if (n == 0)
        return 0.0;
    int ones = 0;
    for (int i = 0; i < n; i++)
        ones += labels[i];
    double p1 = ones / n, p0 = 1.0 - p1;
    return 1.0 - (p0 * p0 + p1 * p1);
}

double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    int total = leftSize + rightSize;
    if (total == 0)
        return 0.0;
    return (leftSize * gini(left, leftSize) + rightSize * gini(right, rightSize)) / total;
}
