// Driver for business-days: reads the queries, calls business_days() for each, prints the counts.
#include <iostream>
#include <string>

#include "solution.hpp"

int main()
{
    std::ios::sync_with_stdio(false);
    int q;
    if (!(std::cin >> q))
        return 1;
    for (int i = 0; i < q; i++) {
        std::string a, b;
        if (!(std::cin >> a >> b))
            return 1;
        std::cout << business_days(a, b) << '\n';
    }
    return 0;
}
