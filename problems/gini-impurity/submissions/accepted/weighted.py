"""Count the ones of each child; weight each child's impurity by its size."""


def gini(labels):
    n = len(labels)
    if n == 0:
        return 0.0
    p1 = labels.count(1) / n
    p0 = 1.0 - p1
    return 1.0 - p0 * p0 - p1 * p1


def weightedGini(left, right):
    total = len(left) + len(right)
    if total == 0:
        return 0.0
    return (len(left) * gini(left) + len(right) * gini(right)) / total
