/* Brent's cycle detection: walk one node at a time, comparing with a saved node that is moved
 * forward whenever the step count reaches the next power of two. O(n) time, O(1) space. */
#include <stddef.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *saved = head, *p = head;
    long long power = 1, steps = 0;

    if (!head)
        return NULL;
    while (p->next) {
        p = p->next;
        if (p == saved)
            return NULL;
        if (++steps == power) {
            saved = p;
            power *= 2;
            steps = 0;
        }
    }
    return p;
}
