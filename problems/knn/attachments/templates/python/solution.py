def kNN(k, data, labels, newPoint):
    """Classifies newPoint with the k-nearest-neighbours rule described in the statement and
    returns the predicted label. data[i] is the i-th training point (a list of integer
    coordinates), labels[i] its class label."""
    return 0
