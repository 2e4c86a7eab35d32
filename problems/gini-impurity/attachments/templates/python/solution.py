def weightedGini(left, right):
    """left and right hold binary class labels (0 or 1) of the two children of a split.
    Returns the weighted Gini impurity of the split:
      (len(left) * G(left) + len(right) * G(right)) / (len(left) + len(right)),
    with G(S) = 1 - p0^2 - p1^2, G(empty) = 0, and 0 when both children are empty."""
    return 0.0
