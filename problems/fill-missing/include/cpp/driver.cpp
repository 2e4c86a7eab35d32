// Driver for fill-missing: reads the values ("None" = missing), calls fillMissing(), prints the
// returned values on one line.
#include <climits>
#include <iostream>
#include <string>
#include <vector>

#include "solution.hpp"

int main()
{
    std::ios::sync_with_stdio(false);
    int n;
    if (!(std::cin >> n) || n < 0)
        return 1;
    std::vector<int> nums(n);
    std::vector<bool> isMissing(n);
    for (int i = 0; i < n; i++) {
        std::string tok;
        if (!(std::cin >> tok))
            return 1;
        isMissing[i] = tok == "None";
        nums[i] = isMissing[i] ? INT_MIN : std::stoi(tok); // unspecified: must not be used
    }
    std::vector<int> res = fillMissing(nums, isMissing);
    if ((int)res.size() != n) {
        std::cout << "invalid\n";
        return 0;
    }
    std::string out;
    for (int i = 0; i < n; i++) {
        if (i)
            out += ' ';
        out += std::to_string(res[i]);
    }
    std::cout << out << '\n';
    return 0;
}
