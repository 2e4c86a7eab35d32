#include <stdio.h>
#include <stdlib.h>

#include "solution.h"

/* Reads the test, calls sampleVariance and prints the result with 2 decimals. */
int main(void)
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        return 1;
    int *nums = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    if (!nums)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%d", &nums[i]) != 1)
            return 1;
    double v = sampleVariance(nums, n);
    printf("%.2f\n", v);
    free(nums);
    return 0;
}
