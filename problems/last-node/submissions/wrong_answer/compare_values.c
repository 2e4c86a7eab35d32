/* Mistake: Floyd's tortoise and hare, but the meeting test compares the nodes' values instead of
 * their addresses; a list without a cycle but with repeated values is reported as cyclic. */
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
        if (slow->val == fast->val)
            return NULL;
    }
    return fast->next ? fast->next : fast;
}
