#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <string>
#include <vector>

/* Returns the bigrams of the sentence, in order, each as "first second". */
std::vector<std::string> bigrams(const std::string &sentence);

#endif
