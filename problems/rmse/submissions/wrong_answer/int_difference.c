#include "solution.h"

#include <math.h>

/* Wrong: the difference is computed in int and overflows when the values have opposite signs. */
double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    if (actualSize != predictedSize || actualSize == 0)
        return -1.0;
    double sum = 0.0;
    for (int i = 0; i < actualSize; i++) {
        int d = actual[i] - predicted[i];
        sum += (double)d * d;
    }
    return sqrt(sum / actualSize);
}
