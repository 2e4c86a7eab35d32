// Driver for bigrams: reads the sentence, calls bigrams() and prints the result as the C driver does.
#include <iostream>
#include <string>
#include <vector>

#include "solution.hpp"

// A bigram must be "x y": exactly one space, with two non-empty words made of lowercase letters
// and digits.
static bool well_formed(const std::string &b)
{
    if (b.size() < 3 || b.front() == ' ' || b.back() == ' ')
        return false;
    int spaces = 0;
    for (char c : b) {
        if (c == ' ')
            spaces++;
        else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return spaces == 1;
}

int main()
{
    std::ios::sync_with_stdio(false);
    std::string line;
    std::getline(std::cin, line);
    std::vector<std::string> res = bigrams(line);
    if (res.size() > line.size()) {
        std::cout << "invalid\n";
        return 0;
    }
    for (const std::string &b : res)
        if (!well_formed(b)) {
            std::cout << "invalid\n";
            return 0;
        }
    std::cout << res.size() << '\n';
    for (const std::string &b : res)
        std::cout << b << '\n';
    return 0;
}
