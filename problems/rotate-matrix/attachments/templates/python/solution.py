def rotate_matrix(matrix):
    """matrix is a square matrix: a list of len(matrix) rows, each a list of integers. Rotate it
    90 degrees clockwise in place: overwrite the values in the rows (row[j] = ... or
    row[:] = ...); do not replace the row lists. Returns nothing."""
    pass
