#include <iostream>
int main() {
    long long n, s = 0, x;
    std::cin >> n;
    for (int i = 0; i < n; i++) { std::cin >> x; s += x; }
    for (int i = 0; i < n - 1; i++) { std::cin >> x; s -= x; }
    std::cout << s << '\n';
}
