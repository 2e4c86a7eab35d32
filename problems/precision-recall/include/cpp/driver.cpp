// Driver for precision-recall: reads the matrix, calls precisionRecall(), prints one line
// "precision recall" per class, or "null" when the function (correctly) returned no values.
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int r, c;
    if (scanf("%d %d", &r, &c) != 2 || r < 1 || c < 1)
        return 1;
    std::vector<std::vector<int>> matrix(r, std::vector<int>(c));
    for (auto &row : matrix)
        for (int &v : row)
            if (scanf("%d", &v) != 1)
                return 1;
    std::vector<double> res = precisionRecall(matrix);
    if (res.empty()) {
        printf("null\n");
    } else if (r != c || (int)res.size() != 2 * r) {
        printf("invalid\n"); // values for a non-square matrix, or a wrong count
    } else {
        for (int i = 0; i < r; i++)
            printf("%.6f %.6f\n", res[2 * i], res[2 * i + 1]);
    }
    return 0;
}
