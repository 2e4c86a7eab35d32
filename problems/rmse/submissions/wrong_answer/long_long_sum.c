#include "solution.h"

#include <math.h>

/* Wrong: sums the squares in a long long, which overflows past about 9.2e18. */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    if (actualSize != predictedSize || actualSize == 0)
        return -1.0;
    long long sum = 0;
    for (int i = 0; i < actualSize; i++) {
        long long d = (long long)actual[i] - predicted[i];
        sum += d * d;
    }
    return sqrt((double)sum / actualSize);
}
