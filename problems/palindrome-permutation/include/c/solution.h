#ifndef SOLUTION_H
#define SOLUTION_H

#include <stdbool.h>

/* true if some permutation of the characters of s is a palindrome. */
bool perm_palindrome(const char *s);

#endif
