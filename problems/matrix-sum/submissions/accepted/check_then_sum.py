"""All rows as long as the first, or 0; then the sum of the row sums (Python ints do not overflow)."""


def matrix_sum(matrix):
    if not matrix or any(len(row) != len(matrix[0]) for row in matrix):
        return 0
    return sum(map(sum, matrix))
