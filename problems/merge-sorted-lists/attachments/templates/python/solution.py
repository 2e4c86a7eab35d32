def merge_sorted_lists(l1, l2):
    """l1 and l2 are each sorted in non-decreasing order. Return a list of all their integers
    in non-decreasing order."""
    return []
