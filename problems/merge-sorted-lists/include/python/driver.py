"""Driver for merge-sorted-lists: reads both lists, calls merge_sorted_lists(), prints the result."""
import sys

from solution import merge_sorted_lists


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    l1 = data[1:1 + n]
    m = data[1 + n]
    l2 = data[2 + n:2 + n + m]
    res = merge_sorted_lists(l1, l2)
    if res is None and n + m == 0:
        res = []  # as in C, where NULL is allowed for two empty lists
    if not isinstance(res, list) or len(res) != n + m or not all(type(v) is int for v in res):
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write("%d\n%s\n" % (len(res), " ".join(map(str, res))))


main()
