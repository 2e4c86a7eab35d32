#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <string>

/* Sum of every decimal digit character in the floating-point number string s. */
int digit_accumulator(const std::string &s);

#endif
