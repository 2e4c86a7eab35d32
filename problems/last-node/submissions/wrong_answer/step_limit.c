/* Mistake: "detects" a cycle by giving up after 100000 steps; a long list without a cycle is then
 * reported as cyclic. */
#include <stddef.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *p = head;
    int steps = 0;

    if (!head)
        return NULL;
    while (p->next && steps < 100000) {
        p = p->next;
        steps++;
    }
    return p->next ? NULL : p;
}
