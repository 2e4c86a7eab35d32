// Driver for first-unique-char: reads the line, calls first_non_repeating(), prints the character
// or "None" when it returns '\0'.
#include <iostream>
#include <string>

#include "solution.hpp"

int main()
{
    std::ios::sync_with_stdio(false);
    std::string line;
    std::getline(std::cin, line);
    char c = first_non_repeating(line);
    if (c == '\0')
        std::cout << "None\n";
    else if (c >= 33 && c <= 126)
        std::cout << c << '\n';
    else
        std::cout << "invalid\n";
    return 0;
}
