#include "solution.h"

/* Mistake: stops at the decimal point, as if only the integer part mattered. */
int digit_accumulator(const char *s)
{
    int sum = 0;
    for (; *s && *s != '.'; s++)
        if (*s >= '0' && *s <= '9')
            sum += *s - '0';
    return sum;
}
