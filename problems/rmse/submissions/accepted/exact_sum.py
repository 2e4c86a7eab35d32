"""The squared errors summed exactly as Python integers, one division and one square root."""
from math import sqrt


def rmse(actual, predicted):
    if len(actual) != len(predicted) or not actual:
        return -1.0
    return sqrt(sum((a - p) * (a - p) for a, p in zip(actual, predicted)) / len(actual))
