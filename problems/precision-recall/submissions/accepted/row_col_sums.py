"""Row sums are the actual counts (recall), column sums the predicted counts (precision)."""


def precisionRecall(matrix):
    k = len(matrix)
    if any(len(row) != k for row in matrix):
        return None
    rows = [sum(row) for row in matrix]
    cols = [sum(col) for col in zip(*matrix)]
    res = []
    for i in range(k):
        tp = matrix[i][i]
        res.append(tp / cols[i] if cols[i] else 0.0)
        res.append(tp / rows[i] if rows[i] else 0.0)
    return res
