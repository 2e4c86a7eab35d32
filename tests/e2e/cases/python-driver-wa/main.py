def missing(a, b):
    return 0
