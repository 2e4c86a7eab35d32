/* Mistake: remembers visited nodes in a bitset indexed by a hash of the address, taken modulo
 * 65536, and treats a set bit as "seen before": on a list longer than 65536 nodes two nodes share a
 * bit and a list without a cycle is reported as cyclic. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "solution.h"

static unsigned char seen[65536 / 8];

struct ListNode *last_node(struct ListNode *head)
{
    struct ListNode *p = head;

    memset(seen, 0, sizeof seen);
    while (p) {
        unsigned h = (unsigned)(((uintptr_t)p / sizeof *p) % 65536);

        if (seen[h / 8] & (1u << (h % 8)))
            return NULL;
        seen[h / 8] |= (unsigned char)(1u << (h % 8));
        if (!p->next)
            return p;
        p = p->next;
    }
    return NULL;
}
