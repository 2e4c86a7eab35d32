// Driver for gini-impurity: reads both children's labels, calls weightedGini(), prints the result
// with 6 decimals.
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "solution.hpp"

static std::vector<int> read_labels()
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
    std::vector<int> left = read_labels();
    std::vector<int> right = read_labels();
    printf("%.6f\n", weightedGini(left, right));
    return 0;
}
