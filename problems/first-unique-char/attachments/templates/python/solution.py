def first_non_repeating(s):
    """First character of s that occurs exactly once in s, or None if there is none."""
    return None
