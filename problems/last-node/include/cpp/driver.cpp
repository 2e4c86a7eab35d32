// Driver for last-node: builds the list (with its cycle, if any), calls last_node(), prints the
// index and value of the returned node, "null" for nullptr, "invalid" if the list was changed or
// the node is not one of the list.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "solution.hpp"

int main()
{
    int n, pos;
    if (scanf("%d", &n) != 1 || n < 0)
        return 1;
    std::vector<ListNode> nodes(n > 0 ? n : 1);
    std::vector<int> vals(n); // a copy, to detect changes
    for (int i = 0; i < n; i++) {
        if (scanf("%d", &vals[i]) != 1)
            return 1;
        nodes[i].val = vals[i];
    }
    if (scanf("%d", &pos) != 1)
        return 1;
    for (int i = 0; i < n; i++)
        nodes[i].next = i + 1 < n ? &nodes[i + 1] : pos >= 0 ? &nodes[pos] : nullptr;
    ListNode *last = last_node(n > 0 ? &nodes[0] : nullptr);
    bool intact = true;
    for (int i = 0; i < n; i++) {
        ListNode *want = i + 1 < n ? &nodes[i + 1] : pos >= 0 ? &nodes[pos] : nullptr;
        if (nodes[i].next != want || nodes[i].val != vals[i])
            intact = false;
    }
    if (!intact) {
        printf("invalid\n"); // the list was modified
    } else if (!last) {
        printf("null\n");
    } else {
        uintptr_t base = (uintptr_t)nodes.data(), at = (uintptr_t)last;
        uintptr_t off = at - base;
        if (at < base || off % sizeof(ListNode) != 0 || off / sizeof(ListNode) >= (uintptr_t)n)
            printf("invalid\n"); // not a node of the list
        else
            printf("%d %d\n", (int)(off / sizeof(ListNode)), vals[off / sizeof(ListNode)]);
    }
    return 0;
}
