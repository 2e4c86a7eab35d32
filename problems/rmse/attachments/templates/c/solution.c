#include "solution.h"

#include <math.h>

double rmse(const int *actual, int actualSize, const int *predicted, int predictedSize)
{
    (void)actual;
    (void)actualSize;
    (void)predicted;
    (void)predictedSize;
    return -1.0;
}
