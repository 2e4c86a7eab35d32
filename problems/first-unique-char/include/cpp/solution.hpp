#ifndef SOLUTION_HPP
#define SOLUTION_HPP

#include <string>

/* First character of s that occurs exactly once in s, or '\0' if there is none. */
char first_non_repeating(const std::string &s);

#endif
