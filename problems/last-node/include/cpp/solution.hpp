#ifndef SOLUTION_HPP
#define SOLUTION_HPP

struct ListNode {
    int val;
    ListNode *next;
};

/*
 * Return the last node of the singly linked list starting at head (the node whose next is
 * nullptr), or nullptr when the list is empty (head == nullptr) or has a cycle (then no node is
 * last). The list belongs to the caller: do not modify or delete it.
 */
ListNode *last_node(ListNode *head);

#endif
