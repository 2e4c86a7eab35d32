/* Brute force: remember every node visited in an array and search it before each step. O(n^2). */
#include <stdlib.h>

#include "solution.h"

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode **seen = NULL;
    size_t count = 0, cap = 0;
    struct ListNode *p = head, *last = NULL;

    while (p) {
        size_t k;

        for (k = 0; k < count; k++)
            if (seen[k] == p)
                break;
        if (k < count) { /* been here before: a cycle */
            last = NULL;
            break;
        }
        if (count == cap) {
            cap = cap ? 2 * cap : 1024;
            seen = realloc(seen, sizeof *seen * cap);
            if (!seen)
                return NULL;
        }
        seen[count++] = p;
        last = p;
        p = p->next;
    }
    free(seen);
    return last;
}
