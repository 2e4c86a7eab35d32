def perm_palindrome(s):
    """True if some permutation of the characters of s is a palindrome."""
    return False
