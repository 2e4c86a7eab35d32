// Driver for rotate-matrix: reads the matrix, calls rotate_matrix() and prints the matrix
// afterwards, or "invalid" if rows were replaced instead of rotated in place.
#include <cstdio>
#include <string>
#include <vector>

#include "solution.hpp"

int main()
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        return 1;
    std::vector<std::vector<int>> matrix(n, std::vector<int>(n));
    std::vector<const int *> saved; // the rows' storage, to check it was kept
    for (auto &row : matrix) {
        for (int &v : row)
            if (scanf("%d", &v) != 1)
                return 1;
        saved.push_back(row.data());
    }
    rotate_matrix(matrix);
    bool valid = (int)matrix.size() == n;
    for (int i = 0; valid && i < n; i++)
        valid = (int)matrix[i].size() == n && matrix[i].data() == saved[i];
    if (!valid) {
        printf("invalid\n");
        return 0;
    }
    std::string out = std::to_string(n) + "\n";
    for (const auto &row : matrix)
        for (int j = 0; j < n; j++)
            out += std::to_string(row[j]) + (j + 1 < n ? " " : "\n");
    fputs(out.c_str(), stdout);
    return 0;
}
