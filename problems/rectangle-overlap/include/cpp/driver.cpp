// Driver for rectangle-overlap: reads the pairs of rectangles, calls is_overlap() on each, prints
// true or false.
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int t;
    if (scanf("%d", &t) != 1)
        return 1;
    for (int i = 0; i < t; i++) {
        std::vector<int> r1(4), r2(4);
        for (int &v : r1)
            if (scanf("%d", &v) != 1)
                return 1;
        for (int &v : r2)
            if (scanf("%d", &v) != 1)
                return 1;
        puts(is_overlap(r1, r2) ? "true" : "false");
    }
    return 0;
}
