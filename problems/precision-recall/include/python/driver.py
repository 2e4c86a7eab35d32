"""Driver for precision-recall: reads the matrix, calls precisionRecall(), prints one line
"precision recall" per class, or "null" when the function (correctly) returned None."""
import sys

from solution import precisionRecall


def main():
    data = list(map(int, sys.stdin.buffer.read().split()))
    r, c = data[0], data[1]
    matrix = [data[2 + i * c:2 + (i + 1) * c] for i in range(r)]
    res = precisionRecall(matrix)
    if res is None:
        sys.stdout.write("null\n")
    elif r != c or not isinstance(res, list) or len(res) != 2 * r:
        # a list for a non-square matrix, or a wrong length
        sys.stdout.write("invalid\n")
    else:
        sys.stdout.write("".join("%.6f %.6f\n" % (res[2 * i], res[2 * i + 1]) for i in range(r)))


main()
