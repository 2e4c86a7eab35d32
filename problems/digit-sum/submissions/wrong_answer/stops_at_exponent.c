#include "solution.h"

/* Mistake: treats the exponent as not part of the number and stops at 'e'/'E'. */
int digit_accumulator(const char *s)
{
    int sum = 0;
    for (; *s && *s != 'e' && *s != 'E'; s++)
        if (*s >= '0' && *s <= '9')
            sum += *s - '0';
    return sum;
}
