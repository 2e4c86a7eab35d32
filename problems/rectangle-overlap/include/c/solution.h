#ifndef SOLUTION_H
#define SOLUTION_H

#include <stdbool.h>

/* rect = {x1, y1, x2, y2}: bottom-left (x1, y1), top-right (x2, y2), x1 < x2, y1 < y2.
 * true if the two rectangles share a region of positive area. */
bool is_overlap(int *rect1, int rect1Size, int *rect2, int rect2Size);

#endif
