from listnode import ListNode  # class ListNode: val, next (None at the end)


def last_node(head):
    """Return the last node of the singly linked list starting at head (the node whose next is
    None), or None when the list is empty (head is None) or has a cycle (then no node is last).
    The list belongs to the caller: do not modify it."""
    return None
