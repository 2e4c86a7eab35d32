"""Driver for digit-sum: reads the strings, calls digit_accumulator() on each, prints the sums."""
import sys

from solution import digit_accumulator


def main():
    lines = sys.stdin.buffer.read().decode("latin-1").split("\n")
    t = int(lines[0])
    sys.stdout.write("".join("%d\n" % digit_accumulator(lines[1 + i]) for i in range(t)))


main()
