"""A palindrome can be formed when at most one character occurs an odd number of times."""
from collections import Counter


def perm_palindrome(s):
    return sum(c & 1 for c in Counter(s).values()) <= 1
