// Lloyd's algorithm, O(n * k * d) per iteration, stops as soon as the assignment repeats.
// Sums are kept in long long; a centroid coordinate is sum / count in double.
#include "solution.hpp"

#include <cstddef>

std::vector<int> kMeans(std::vector<std::vector<int>> points, int k,
                        std::vector<std::vector<int>> initialCentroids, int maxIter)
{
    std::size_t n = points.size(), d = n ? points[0].size() : 0;
    std::vector<std::vector<double>> cen(k, std::vector<double>(d));
    for (int j = 0; j < k; j++)
        for (std::size_t c = 0; c < d; c++)
            cen[j][c] = initialCentroids[j][c];
    std::vector<int> assign(n, 0);
    for (int t = 1; t <= maxIter; t++) {
        bool changed = false;
        for (std::size_t i = 0; i < n; i++) {
            int best = 0;
            double bestDist = 0;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (std::size_t c = 0; c < d; c++) {
                    double diff = points[i][c] - cen[j][c];
                    s += diff * diff;
                }
                if (j == 0 || s < bestDist) {
                    bestDist = s;
                    best = j;
                }
            }
            changed |= t == 1 || assign[i] != best;
            assign[i] = best;
        }
        if (!changed)
            break;
        std::vector<std::vector<long long>> sum(k, std::vector<long long>(d, 0));
        std::vector<long long> count(k, 0);
        for (std::size_t i = 0; i < n; i++) {
            count[assign[i]]++;
            for (std::size_t c = 0; c < d; c++)
                sum[assign[i]][c] += points[i][c];
        }
        for (int j = 0; j < k; j++)
            if (count[j] > 0)
                for (std::size_t c = 0; c < d; c++)
                    cen[j][c] = (double)sum[j][c] / count[j];
    }
    return assign;
}
