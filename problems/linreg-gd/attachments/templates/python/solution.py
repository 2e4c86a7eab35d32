def gradientDescent(X, y, learningRate, epochs):
    """Fits linear-regression weights by batch gradient descent exactly as defined in the
    statement and returns the list of len(X[0]) final weights. X[i] is the i-th sample (a list of
    floats), y[i] its target. You may modify the arguments."""
    return [0.0] * len(X[0])
