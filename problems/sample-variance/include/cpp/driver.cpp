// Driver for sample-variance: reads the list, calls sampleVariance() and prints the result with
// 2 decimals.
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        return 1;
    std::vector<int> nums(n);
    for (int &v : nums)
        if (scanf("%d", &v) != 1)
            return 1;
    printf("%.2f\n", sampleVariance(nums));
    return 0;
}
