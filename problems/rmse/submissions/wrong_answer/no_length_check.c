#include "solution.h"

#include <math.h>

/* Wrong: does not reject lists of different lengths; compares the common prefix. */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    int n = actualSize < predictedSize ? actualSize : predictedSize;
    if (n == 0)
        return -1.0;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        double d = (double)((long long)actual[i] - predicted[i]);
        sum += d * d;
    }
    return sqrt(sum / n);
}
