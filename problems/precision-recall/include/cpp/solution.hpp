#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/*
 * matrix[i][j] = number of samples of actual class i predicted as class j.
 * Returns 2 * k doubles: element 2*i is the precision and element 2*i + 1 the recall of class i
 * (0 when the denominator is 0). If the matrix is not square, returns an empty vector.
 */
std::vector<double> precisionRecall(const std::vector<std::vector<int>> &matrix);

#endif
