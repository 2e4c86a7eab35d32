#include <vector>
long long missing(const std::vector<long long> &a, const std::vector<long long> &b);
