/* last-node: the list node type and the function a submission implements. */
#ifndef SOLUTION_H
#define SOLUTION_H

struct ListNode {
    int val;
    struct ListNode *next;
};

/*
 * Return the last node of the singly linked list starting at head (the node whose next is NULL),
 * or NULL when the list is empty (head == NULL) or has a cycle (then no node is last). The list
 * belongs to the caller: do not modify or free it.
 */
struct ListNode *last_node(struct ListNode *head);

#endif
