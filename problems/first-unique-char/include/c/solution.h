#ifndef SOLUTION_H
#define SOLUTION_H

/* First character of s that occurs exactly once in s, or '\0' if there is none. */
char first_non_repeating(const char *s);

#endif
