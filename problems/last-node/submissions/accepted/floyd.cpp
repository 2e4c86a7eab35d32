// Floyd's tortoise and hare: the hare reaches the end of a list without a cycle, or meets the
// tortoise inside the cycle. O(n) time, O(1) space.
#include "solution.hpp"

ListNode *last_node(ListNode *head)
{
    ListNode *slow = head, *fast = head;
    if (!head)
        return nullptr;
    for (;;) {
        if (!fast->next)
            return fast;
        if (!fast->next->next)
            return fast->next;
        fast = fast->next->next;
        slow = slow->next;
        if (slow == fast)
            return nullptr;
    }
}
