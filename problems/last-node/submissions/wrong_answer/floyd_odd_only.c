/* Mistake: Floyd's loop stops when the hare cannot take two more steps, and the hare is returned.
 * Right for odd lengths; for even lengths the hare stops one node before the end. */
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
    return fast;
}
