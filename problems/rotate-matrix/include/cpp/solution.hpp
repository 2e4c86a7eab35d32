#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* matrix is a square matrix of matrix.size() rows. Rotate it 90 degrees clockwise in place:
 * overwrite the values in the rows; do not replace or resize the row vectors. */
void rotate_matrix(std::vector<std::vector<int>> &matrix);

#endif
