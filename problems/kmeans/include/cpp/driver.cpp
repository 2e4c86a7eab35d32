// Driver for kmeans: reads the test, calls kMeans() and prints the assignment on one line.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "solution.hpp"

static bool read_matrix(int rows, int cols, std::vector<std::vector<int>> &m)
{
    m.assign(rows, std::vector<int>(cols));
    for (auto &row : m)
        for (int &v : row)
            if (scanf("%d", &v) != 1)
                return false;
    return true;
}

int main()
{
    int n, d, k, maxIter;
    if (scanf("%d %d %d %d", &n, &d, &k, &maxIter) != 4)
        return 1;
    std::vector<std::vector<int>> points, centroids;
    if (!read_matrix(n, d, points) || !read_matrix(k, d, centroids))
        return 1;
    std::vector<int> res = kMeans(std::move(points), k, std::move(centroids), maxIter);
    if ((int)res.size() != n) {
        printf("invalid\n");
        return 0;
    }
    for (int a : res)
        if (a < 0 || a >= k) {
            printf("invalid\n");
            return 0;
        }
    std::string out;
    for (int i = 0; i < n; i++) {
        if (i)
            out += ' ';
        out += std::to_string(res[i]);
    }
    printf("%s\n", out.c_str());
    return 0;
}
