// Batch gradient descent as the statement defines it: residuals from the old weights, then every
// weight moves by lr times its gradient component. O(m * n) an epoch.
#include "solution.hpp"

#include <cstddef>

std::vector<double> gradientDescent(std::vector<std::vector<double>> X, std::vector<double> y,
                                    double learningRate, int epochs)
{
    std::size_t m = X.size(), n = X[0].size();
    std::vector<double> w(n, 0.0), err(m);
    for (int e = 0; e < epochs; e++) {
        for (std::size_t i = 0; i < m; i++) {
            double s = 0.0;
            for (std::size_t j = 0; j < n; j++)
                s += X[i][j] * w[j];
            err[i] = s - y[i];
        }
        std::vector<double> g(n, 0.0);
        for (std::size_t i = 0; i < m; i++)
            for (std::size_t j = 0; j < n; j++)
                g[j] += X[i][j] * err[i];
        for (std::size_t j = 0; j < n; j++)
            w[j] -= learningRate * (g[j] / m);
    }
    return w;
}
