"""Bin width ceil((max - min + 1) / x); bin index by integer division; counts in a list of x."""
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, x = data[0], data[1]
    if n == 0:
        return
    v = data[2:2 + n]
    lo = min(v)
    w = -(-(max(v) - lo + 1) // x)
    cnt = [0] * x
    for b in [(a - lo) // w for a in v]:
        cnt[b] += 1
    sys.stdout.write("".join("%d %d %d\n" % (lo + b * w, lo + b * w + w - 1, c)
                             for b, c in enumerate(cnt) if c))


main()
