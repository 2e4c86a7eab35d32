#include "solution.h"

/* Wrong: G = 1 - (c0^2 + c1^2) / n^2 with the squares in int, which overflow for large children. */
static double gini(const int *labels, int n)
{
    if (n == 0)
        return 0.0;
    int c1 = 0;
    for (int i = 0; i < n; i++)
        c1 += labels[i];
    int c0 = n - c1;
    return 1.0 - (double)(c0 * c0 + c1 * c1) / (double)(n * n);
}

double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    long long total = (long long)leftSize + rightSize;
    if (total == 0)
        return 0.0;
    return ((double)leftSize * gini(left, leftSize) + (double)rightSize * gini(right, rightSize)) / (double)total;
}
