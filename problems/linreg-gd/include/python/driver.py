"""Driver for linreg-gd: reads the test, calls gradientDescent() and prints the weights, one per
line with 9 digits after the decimal point."""
import sys

from solution import gradientDescent


def main():
    data = sys.stdin.buffer.read().split()
    m, n, epochs, lr = int(data[0]), int(data[1]), int(data[2]), float(data[3])
    vals = list(map(float, data[4:4 + m * (n + 1)]))
    X = [vals[i * (n + 1):i * (n + 1) + n] for i in range(m)]
    y = vals[n::n + 1]
    w = gradientDescent(X, y, lr, epochs)
    if not isinstance(w, list) or len(w) != n:
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write("".join("%.9f\n" % v for v in w))


main()
