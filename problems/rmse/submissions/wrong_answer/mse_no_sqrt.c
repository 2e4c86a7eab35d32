#include "solution.h"

#include <math.h>

/* Wrong: returns the mean squared error (forgets the square root). */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    if (actualSize != predictedSize || actualSize == 0)
        return -1.0;
    double sum = 0.0;
    for (int i = 0; i < actualSize; i++) {
        double d = (double)((long long)actual[i] - predicted[i]);
        sum += d * d;
    }
    return sum / actualSize;
}
