#include "solution.hpp"

ListNode *last_node(ListNode *head)
{
    (void)head;
    return nullptr;
}
