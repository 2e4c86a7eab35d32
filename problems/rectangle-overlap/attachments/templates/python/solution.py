def is_overlap(rect1, rect2):
    """rect = [x1, y1, x2, y2]: bottom-left (x1, y1), top-right (x2, y2), x1 < x2, y1 < y2.
    True if the two rectangles share a region of positive area."""
    return False
