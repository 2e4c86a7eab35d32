"""Driver for sample-variance: reads the list, calls sampleVariance() and prints the result with
2 decimals."""
import sys

from solution import sampleVariance


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    sys.stdout.write("%.2f\n" % sampleVariance(data[1:1 + n]))


main()
