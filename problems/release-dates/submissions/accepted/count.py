"""ISO dates (YYYY-MM-DD, fixed width) compare correctly as strings: count those >= the cutoff."""
import sys


def main():
    data = sys.stdin.buffer.read().split()
    cutoff, n, m = data[0], int(data[1]), int(data[2])
    a = sum(1 for d in data[3:3 + n] if d >= cutoff)
    b = sum(1 for d in data[3 + n:3 + n + m] if d >= cutoff)
    sys.stdout.write("%d %d\n%s\n" % (a, b, "A" if a > b else "B" if b > a else "A B"))


main()
