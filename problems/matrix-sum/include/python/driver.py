"""Driver for matrix-sum: reads the rows (each may have its own length), calls matrix_sum(),
prints the sum."""
import sys

from solution import matrix_sum


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    r = data[0]
    pos = 1
    matrix = []
    for _ in range(max(r, 0)):
        c = data[pos]
        matrix.append(data[pos + 1:pos + 1 + c])
        pos += 1 + c
    sys.stdout.write("%d\n" % matrix_sum(matrix))


main()
