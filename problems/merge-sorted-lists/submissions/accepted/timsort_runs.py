"""Concatenate and sort: Timsort finds the two sorted runs and merges them, O(n + m) in C."""


def merge_sorted_lists(l1, l2):
    return sorted(l1 + l2)
