// Driver for knn: reads the test, calls kNN() and prints the returned label.
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int n, d, k;
    if (scanf("%d %d %d", &n, &d, &k) != 3)
        return 1;
    std::vector<std::vector<int>> data(n, std::vector<int>(d));
    std::vector<int> labels(n), point(d);
    for (int i = 0; i < n; i++) {
        for (int &v : data[i])
            if (scanf("%d", &v) != 1)
                return 1;
        if (scanf("%d", &labels[i]) != 1)
            return 1;
    }
    for (int &v : point)
        if (scanf("%d", &v) != 1)
            return 1;
    printf("%d\n", kNN(k, data, labels, point));
    return 0;
}
