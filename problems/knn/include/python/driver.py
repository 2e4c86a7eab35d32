"""Driver for knn: reads the test, calls kNN() and prints the returned label."""
import sys

from solution import kNN


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, d, k = data[:3]
    pos = 3
    points, labels = [], []
    for _ in range(n):
        points.append(data[pos:pos + d])
        labels.append(data[pos + d])
        pos += d + 1
    new_point = data[pos:pos + d]
    sys.stdout.write("%d\n" % kNN(k, points, labels, new_point))


main()
