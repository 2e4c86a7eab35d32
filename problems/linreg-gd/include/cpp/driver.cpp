// Driver for linreg-gd: reads the test, calls gradientDescent() and prints the weights, one per
// line with 9 digits after the decimal point.
#include <cstdio>
#include <utility>
#include <vector>

#include "solution.hpp"

int main()
{
    double mm, nn, ee, lr;
    if (scanf("%lf %lf %lf %lf", &mm, &nn, &ee, &lr) != 4)
        return 1;
    int m = (int)mm, n = (int)nn, epochs = (int)ee;
    std::vector<std::vector<double>> X(m, std::vector<double>(n));
    std::vector<double> y(m);
    for (int i = 0; i < m; i++) {
        for (double &v : X[i])
            if (scanf("%lf", &v) != 1)
                return 1;
        if (scanf("%lf", &y[i]) != 1)
            return 1;
    }
    std::vector<double> w = gradientDescent(std::move(X), std::move(y), lr, epochs);
    if ((int)w.size() != n) {
        printf("invalid\n");
        return 0;
    }
    for (double v : w)
        printf("%.9f\n", v);
    return 0;
}
