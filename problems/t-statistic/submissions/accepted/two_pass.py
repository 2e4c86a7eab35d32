"""Exact integer sum for the mean, then the squared deviations: t = (mean - mu0) / (s / sqrt(n));
"undefined" when n < 2 or all values are equal (s = 0)."""
import sys
from math import sqrt


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, mu0 = data[0], data[1]
    v = data[2:2 + n]
    if n < 2 or min(v) == max(v):
        sys.stdout.write("undefined\n")
        return
    total = sum(v)
    mean = float(total) / n
    ss = 0.0
    for x in v:
        d = x - mean
        ss += d * d
    s = sqrt(ss / (n - 1))
    diff = float(total - mu0 * n) / n  # mean - mu0 with an exact numerator
    sys.stdout.write("%.6f\n" % (diff / (s / sqrt(n))))


main()
