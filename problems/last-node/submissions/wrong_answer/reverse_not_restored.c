/* Mistake: detects the cycle by reversing the list in place (reversing a list with a cycle walks
 * back out through the head) but forgets to reverse it back: the caller's list is left modified. */
#include <stddef.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *prev = NULL, *cur = head;

    if (!head)
        return NULL;
    while (cur) {
        struct ListNode *next = cur->next;

        cur->next = prev;
        prev = cur;
        cur = next;
    }
    /* with a cycle the walk ends at the head again, which now points somewhere */
    if (prev == head && head->next)
        return NULL;
    return prev;
}
