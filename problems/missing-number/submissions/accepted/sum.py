"""0 + 1 + ... + n minus the sum of the list (Python ints do not overflow)."""


def missing_number(nums):
    n = len(nums)
    return n * (n + 1) // 2 - sum(nums)
