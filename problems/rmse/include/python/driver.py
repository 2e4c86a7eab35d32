"""Driver for rmse: reads both lists, calls rmse() and prints the result with 6 decimals."""
import sys

from solution import rmse


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    actual = data[1:1 + n]
    m = data[1 + n]
    predicted = data[2 + n:2 + n + m]
    sys.stdout.write("%.6f\n" % rmse(actual, predicted))


main()
