"""Two passes as the C reference: the exact integer sum for the mean, then the squared deviations
in double, and the same rounding as C's round() (half away from zero), not Python's round()
(half to even), so that a variance ending in exactly 5 thousandths rounds alike."""
from math import floor


def c_round(x):
    """C's round() for x >= 0."""
    f = floor(x)
    return f + 1.0 if x - f >= 0.5 else float(f)


def sampleVariance(nums):
    n = len(nums)
    if n < 2:
        return -1.0
    mean = float(sum(nums)) / n
    ss = 0.0
    for x in nums:
        d = x - mean
        ss += d * d
    return c_round(ss / (n - 1) * 100.0) / 100.0
