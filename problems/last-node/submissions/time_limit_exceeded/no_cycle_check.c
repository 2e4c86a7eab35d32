/* Walks until next is NULL without any cycle check: loops forever on a list with a cycle. */
#include <stddef.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *p = head;

    if (!p)
        return NULL;
    while (p->next)
        p = p->next;
    return p;
}
