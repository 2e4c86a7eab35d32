/* Mistake: the sum is kept in an unsigned short, "a number has a handful of digits". A string can
 * be 10^6 characters long, and a sum of its digits past 65535 wraps. */
#include "solution.h"

int digit_accumulator(const char *s)
{
    unsigned short sum = 0;
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            sum = (unsigned short)(sum + (*s - '0'));
    return sum;
}
