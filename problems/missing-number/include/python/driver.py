"""Driver for missing-number: reads the list, calls missing_number(), prints the result."""
import sys

from solution import missing_number


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    sys.stdout.write("%d\n" % missing_number(data[1:1 + n]))


main()
