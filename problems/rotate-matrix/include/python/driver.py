"""Driver for rotate-matrix: reads the matrix, calls rotate_matrix() and prints the matrix
afterwards, or "invalid" if rows were replaced instead of rotated in place."""
import sys

from solution import rotate_matrix


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    n = data[0]
    matrix = [data[1 + i * n:1 + (i + 1) * n] for i in range(n)]
    saved = list(matrix)  # the row lists, to check they were kept
    rotate_matrix(matrix)
    if len(matrix) != n or any(a is not b for a, b in zip(matrix, saved)) or any(len(r) != n for r in saved):
        sys.stdout.write("invalid\n")
        return
    sys.stdout.write("%d\n" % n + "".join(" ".join(map(str, row)) + "\n" for row in saved))


main()
