// Driver for digit-sum: reads the strings, calls digit_accumulator() on each, prints the sums.
#include <iostream>
#include <string>

#include "solution.hpp"

int main()
{
    std::ios::sync_with_stdio(false);
    std::string line;
    if (!std::getline(std::cin, line))
        return 1;
    int t = std::stoi(line);
    for (int i = 0; i < t; i++) {
        if (!std::getline(std::cin, line))
            return 1;
        std::cout << digit_accumulator(line) << '\n';
    }
    return 0;
}
