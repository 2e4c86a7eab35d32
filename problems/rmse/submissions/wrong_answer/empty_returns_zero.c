#include "solution.h"

#include <math.h>

/* Wrong: treats two empty lists as a perfect prediction (0) instead of invalid input (-1). */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    if (actualSize != predictedSize)
        return -1.0;
    if (actualSize == 0)
        return 0.0;
    double sum = 0.0;
    for (int i = 0; i < actualSize; i++) {
        double d = (double)((long long)actual[i] - predicted[i]);
        sum += d * d;
    }
    return sqrt(sum / actualSize);
}
