def precisionRecall(matrix):
    """matrix[i][j] = number of samples of actual class i predicted as class j.
    Returns a list of 2 * k floats: element 2*i is the precision and element 2*i + 1 the recall
    of class i (0 when the denominator is 0). If the matrix is not square, returns None."""
    return None
