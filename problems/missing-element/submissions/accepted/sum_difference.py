"""The second list is the first without one element: the difference of their sums (exact)."""
import sys


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    sys.stdout.write("%d\n" % (sum(data[1:1 + n]) - sum(data[1 + n:1 + n + n - 1])))


main()
