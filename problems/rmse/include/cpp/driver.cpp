// Driver for rmse: reads both lists, calls rmse() and prints the result with 6 decimals.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "solution.hpp"

static std::vector<int> read_array()
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        exit(1);
    std::vector<int> a(n);
    for (int &v : a)
        if (scanf("%d", &v) != 1)
            exit(1);
    return a;
}

int main()
{
    std::vector<int> actual = read_array();
    std::vector<int> predicted = read_array();
    printf("%.6f\n", rmse(actual, predicted));
    return 0;
}
