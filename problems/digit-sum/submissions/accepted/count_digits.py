"""Count each digit character once (str.count runs in C), weight by its value."""


def digit_accumulator(s):
    return sum(d * s.count(str(d)) for d in range(1, 10))
