def missing(a, b):
    return sum(a) - sum(b)
