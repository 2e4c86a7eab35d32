"""They overlap unless one lies entirely left of, right of, below or above the other."""


def is_overlap(rect1, rect2):
    ax1, ay1, ax2, ay2 = rect1
    bx1, by1, bx2, by2 = rect2
    return ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2
