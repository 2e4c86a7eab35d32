// Driver for missing-number: reads the list, calls missing_number(), prints the result.
#include <cstdio>
#include <utility>
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
    printf("%d\n", missing_number(std::move(nums)));
    return 0;
}
