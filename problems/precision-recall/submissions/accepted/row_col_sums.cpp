// Row sums are the actual counts (recall), column sums the predicted counts (precision).
#include "solution.hpp"

#include <cstddef>

std::vector<double> precisionRecall(const std::vector<std::vector<int>> &matrix)
{
    std::size_t k = matrix.size();
    for (const auto &row : matrix)
        if (row.size() != k)
            return {};
    std::vector<long long> rows(k, 0), cols(k, 0);
    for (std::size_t i = 0; i < k; i++)
        for (std::size_t j = 0; j < k; j++) {
            rows[i] += matrix[i][j];
            cols[j] += matrix[i][j];
        }
    std::vector<double> res;
    for (std::size_t i = 0; i < k; i++) {
        double tp = matrix[i][i];
        res.push_back(cols[i] ? tp / cols[i] : 0.0);
        res.push_back(rows[i] ? tp / rows[i] : 0.0);
    }
    return res;
}
