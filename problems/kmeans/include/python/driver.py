"""Driver for kmeans: reads the test, calls kMeans() and prints the assignment on one line."""
import sys

from solution import kMeans


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n, d, k, max_iter = data[:4]
    pos = 4
    points = [data[pos + i * d:pos + (i + 1) * d] for i in range(n)]
    pos += n * d
    centroids = [data[pos + j * d:pos + (j + 1) * d] for j in range(k)]
    res = kMeans(points, k, centroids, max_iter)
    if (not isinstance(res, list) or len(res) != n
            or not all(type(a) is int and 0 <= a < k for a in res)):
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write(" ".join(map(str, res)) + "\n")


main()
