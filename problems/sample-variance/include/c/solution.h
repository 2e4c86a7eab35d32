#ifndef SOLUTION_H
#define SOLUTION_H

/*
 * Returns the sample variance (sum of squared deviations from the mean divided by
 * numsSize - 1) of nums, rounded to 2 decimal places, or -1.0 when numsSize < 2.
 */
double sampleVariance(const int *nums, int numsSize);

#endif
