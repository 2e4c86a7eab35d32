"""Batch gradient descent in whichever of three algebraically equal forms costs the least here.

One epoch is w -= lr / m * X^T (X w - y). Pure Python cannot afford m * n * epochs operations,
but the same iteration can be written with the Gram matrix once it is built:
- direct: X w - y row by row, then X^T err column by column, O(m n) an epoch;
- primal: w -= lr / m * (G w - b) with G = X^T X (n x n) and b = X^T y, O(n^2) an epoch;
- dual: w stays in the row space, w = X^T a, and a -= lr / m * (K a - y) with K = X X^T (m x m),
  O(m^2) an epoch, w = X^T a at the end.
Every dot product is sum(map(mul, ...)), a loop in C. The forms differ only by rounding, far below
the tolerance of the answers (the descent contracts errors as it converges).
"""
from operator import mul

CALL = 10  # a Python-level step costs about as much as this many multiply-adds done in C


def dots(rows, cols):
    """Matrix of sum(map(mul, r, c)) for r in rows, c in cols, filling the symmetric half once
    when rows is cols."""
    if rows is cols:
        k = len(rows)
        res = [[0.0] * k for _ in range(k)]
        for i in range(k):
            ri = rows[i]
            for j in range(i, k):
                res[i][j] = res[j][i] = sum(map(mul, ri, rows[j]))
        return res
    return [[sum(map(mul, r, c)) for c in cols] for r in rows]


def gradientDescent(X, y, learningRate, epochs):
    m, n = len(X), len(X[0])
    step = learningRate / m
    cost_direct = epochs * (2 * m * n + CALL * (m + n))
    cost_primal = m * n * (n + 1) // 2 + CALL * n * n + epochs * (n * n + CALL * n)
    cost_dual = n * m * (m + 1) // 2 + CALL * m * m + epochs * (m * m + CALL * m)
    cols = [list(c) for c in zip(*X)]
    if cost_primal <= min(cost_direct, cost_dual):
        G = dots(cols, cols)
        b = [sum(map(mul, c, y)) for c in cols]
        w = [0.0] * n
        for _ in range(epochs):
            w = [wj - step * (sum(map(mul, g, w)) - bj) for wj, g, bj in zip(w, G, b)]
        return w
    if cost_dual <= cost_direct:
        K = dots(X, X)
        a = [0.0] * m
        for _ in range(epochs):
            a = [ai - step * (sum(map(mul, k, a)) - yi) for ai, k, yi in zip(a, K, y)]
        return [sum(map(mul, c, a)) for c in cols]
    w = [0.0] * n
    for _ in range(epochs):
        err = [sum(map(mul, row, w)) - yi for row, yi in zip(X, y)]
        w = [wj - step * sum(map(mul, c, err)) for wj, c in zip(w, cols)]
    return w
