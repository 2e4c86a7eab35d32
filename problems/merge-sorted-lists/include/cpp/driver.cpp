// Driver for merge-sorted-lists: reads both lists, calls merge_sorted_lists(), prints the result.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "solution.hpp"

static std::vector<int> read_list()
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        exit(1);
    std::vector<int> a(n);
    for (int &v : a)
        if (scanf("%d", &v) != 1)
            exit(1);
    return a;
}

int main()
{
    std::vector<int> l1 = read_list();
    std::vector<int> l2 = read_list();
    std::vector<int> merged = merge_sorted_lists(l1, l2);
    if (merged.size() != l1.size() + l2.size()) {
        printf("invalid\n");
        return 0;
    }
    std::string out;
    for (std::size_t i = 0; i < merged.size(); i++) {
        if (i)
            out += ' ';
        out += std::to_string(merged[i]);
    }
    printf("%zu\n%s\n", merged.size(), out.c_str());
    return 0;
}
