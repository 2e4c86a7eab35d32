// Driver for matrix-sum: reads the rows (each may have its own length), calls matrix_sum(),
// prints the sum.
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int r;
    if (scanf("%d", &r) != 1)
        return 1;
    std::vector<std::vector<int>> m(r > 0 ? r : 0);
    for (auto &row : m) {
        int c;
        if (scanf("%d", &c) != 1 || c < 0)
            return 1;
        row.resize(c);
        for (int &v : row)
            if (scanf("%d", &v) != 1)
                return 1;
    }
    printf("%lld\n", matrix_sum(m));
    return 0;
}
