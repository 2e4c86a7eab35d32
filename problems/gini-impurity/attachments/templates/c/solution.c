#include "solution.h"

double weightedGini(const int *left, int leftSize, const int *right, int rightSize)
{
    (void)left;
    (void)leftSize;
    (void)right;
    (void)rightSize;
    return 0.0;
}
