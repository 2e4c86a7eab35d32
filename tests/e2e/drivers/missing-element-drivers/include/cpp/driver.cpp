#include <iostream>
#include <vector>
#include "solution.h"
int main() {
    long long n; std::cin >> n;
    std::vector<long long> a(n), b(n - 1);
    for (auto &x : a) std::cin >> x;
    for (auto &x : b) std::cin >> x;
    std::cout << missing(a, b) << '\n';
}
