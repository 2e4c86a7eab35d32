#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* Sum of all elements of the matrix (its rows may differ in length); 0 if the matrix is empty or
 * ragged (rows of different lengths). */
long long matrix_sum(const std::vector<std::vector<int>> &matrix);

#endif
