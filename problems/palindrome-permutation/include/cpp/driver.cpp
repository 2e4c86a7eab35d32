// Driver for palindrome-permutation: reads the strings, calls perm_palindrome() on each, prints
// true or false.
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
        std::cout << (perm_palindrome(line) ? "true\n" : "false\n");
    }
    return 0;
}
