"""The list node type of last-node: `from listnode import ListNode`."""


class ListNode:
    __slots__ = ("val", "next")

    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next
