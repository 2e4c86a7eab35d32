"""Driver for rectangle-overlap: reads the pairs of rectangles, calls is_overlap() on each, prints
true or false."""
import sys

from solution import is_overlap


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    t = data[0]
    out = []
    for i in range(t):
        base = 1 + 8 * i
        out.append("true\n" if is_overlap(data[base:base + 4], data[base + 4:base + 8]) else "false\n")
    sys.stdout.write("".join(out))


main()
