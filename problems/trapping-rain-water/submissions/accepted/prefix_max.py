"""Water above bar i = min(highest bar at or left of i, highest at or right of i) - h[i];
the running maxima by itertools.accumulate."""
import sys
from itertools import accumulate


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    h = data[1:1 + n]
    left = accumulate(h, max)
    right = list(accumulate(reversed(h), max))[::-1]
    sys.stdout.write("%d\n" % (sum(map(min, left, right)) - sum(h)))


main()
