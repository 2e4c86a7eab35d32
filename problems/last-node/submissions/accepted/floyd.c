/* Floyd's tortoise and hare: the hare runs two steps per turn. If it ever meets the tortoise the
 * list has a cycle; otherwise it reaches the end, and the last node is the hare or its successor.
 * O(n) time, O(1) space. */
#include <stddef.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *slow = head, *fast = head;

    if (!head)
        return NULL;
    while (fast->next && fast->next->next) {
        slow = slow->next;
        fast = fast->next->next;
        if (slow == fast)
            return NULL;
    }
    return fast->next ? fast->next : fast;
}
