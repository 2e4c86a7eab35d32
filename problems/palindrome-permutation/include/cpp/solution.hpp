#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <string>

/* true if some permutation of the characters of s is a palindrome. */
bool perm_palindrome(const std::string &s);

#endif
