"""Clockwise rotation = the columns read bottom to top; each row list is refilled in place."""


def rotate_matrix(matrix):
    rotated = [list(col) for col in zip(*matrix[::-1])]
    for row, new in zip(matrix, rotated):
        row[:] = new
