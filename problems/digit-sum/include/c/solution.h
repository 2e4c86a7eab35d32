#ifndef SOLUTION_H
#define SOLUTION_H

/* Sum of every decimal digit character in the floating-point number string s. */
int digit_accumulator(const char *s);

#endif
