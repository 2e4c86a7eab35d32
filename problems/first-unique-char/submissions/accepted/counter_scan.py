"""Count every character (Counter counts in C), then the first one counted once."""
from collections import Counter


def first_non_repeating(s):
    once = {c for c, k in Counter(s).items() if k == 1}
    if not once:
        return None
    return min(once, key=s.index)
