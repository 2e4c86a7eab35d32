#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <vector>

/* Runs k-means (Lloyd's algorithm, as defined in the statement) and returns the cluster index of
 * every point, points.size() values in [0, k). You may modify the arguments (they are copies). */
std::vector<int> kMeans(std::vector<std::vector<int>> points, int k,
                        std::vector<std::vector<int>> initialCentroids, int maxIter);

#endif
