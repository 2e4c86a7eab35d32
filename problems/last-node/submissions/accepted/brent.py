"""Brent's cycle detection: walk one node at a time, comparing with a saved node that moves
forward whenever the step count reaches the next power of two. O(n) time, O(1) space."""


def last_node(head):
    if head is None:
        return None
    saved = p = head
    power, steps = 1, 0
    while p.next is not None:
        p = p.next
        if p is saved:
            return None
        steps += 1
        if steps == power:
            saved = p
            power *= 2
            steps = 0
    return p
