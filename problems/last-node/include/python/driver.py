"""Driver for last-node: builds the list (with its cycle, if any), calls last_node(), prints the
index and value of the returned node, "null" for None, "invalid" if the list was changed or the
node is not one of the list."""
import sys

from listnode import ListNode
from solution import last_node


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    vals = data[1:1 + n]
    pos = data[1 + n]
    nodes = [ListNode(v) for v in vals]
    for a, b in zip(nodes, nodes[1:]):
        a.next = b
    if n > 0:
        nodes[-1].next = nodes[pos] if pos >= 0 else None
    last = last_node(nodes[0] if n > 0 else None)
    wants = nodes[1:] + [nodes[pos] if pos >= 0 else None] if n > 0 else []
    intact = all(node.next is want and node.val == v for node, want, v in zip(nodes, wants, vals))
    if not intact:
        sys.stdout.write("invalid\n")  # the list was modified
    elif last is None:
        sys.stdout.write("null\n")
    elif not isinstance(last, ListNode) or last not in nodes:  # ListNode compares by identity
        sys.stdout.write("invalid\n")  # not a node of the list
    else:
        i = nodes.index(last)
        sys.stdout.write("%d %d\n" % (i, vals[i]))


main()
