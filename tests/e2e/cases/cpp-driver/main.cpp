#include "solution.h"
long long missing(const std::vector<long long> &a, const std::vector<long long> &b) {
    long long s = 0;
    for (auto x : a) s += x;
    for (auto x : b) s -= x;
    return s;
}
