"""Driver for gini-impurity: reads both children's labels, calls weightedGini(), prints the result
with 6 decimals."""
import sys

from solution import weightedGini


def main():
    data = sys.stdin.buffer.read().split()
    nl = int(data[0])
    left = list(map(int, data[1:1 + nl]))
    nr = int(data[1 + nl])
    right = list(map(int, data[2 + nl:2 + nl + nr]))
    sys.stdout.write("%.6f\n" % weightedGini(left, right))


main()
