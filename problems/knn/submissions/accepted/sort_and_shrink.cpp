// Sort by (squared distance, index); while the vote over the j nearest ties, drop the j-th.
#include "solution.hpp"

#include <algorithm>
#include <unordered_map>
#include <numeric>

int kNN(int k, const std::vector<std::vector<int>> &data, const std::vector<int> &labels,
        const std::vector<int> &newPoint)
{
    int n = (int)data.size();
    std::vector<long long> dist(n, 0);
    for (int i = 0; i < n; i++)
        for (std::size_t j = 0; j < newPoint.size(); j++) {
            long long diff = (long long)data[i][j] - newPoint[j];
            dist[i] += diff * diff;
        }
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return dist[a] < dist[b]; });
    std::unordered_map<int, int> cnt;
    cnt.reserve(2 * k);
    for (int i = 0; i < k; i++)
        cnt[labels[order[i]]]++;
    std::vector<int> freq(k + 1, 0); // freq[c]: how many labels have count c
    int best = 0;
    for (auto &[lab, c] : cnt) {
        freq[c]++;
        best = std::max(best, c);
    }
    int j = k;
    while (freq[best] > 1) {
        int &c = cnt[labels[order[j - 1]]];
        freq[c]--;
        c--;
        freq[c]++;
        if (freq[best] == 0)
            best--;
        j--;
    }
    for (int i = 0; i < j; i++)
        if (cnt[labels[order[i]]] == best)
            return labels[order[i]];
    return 0;
}
