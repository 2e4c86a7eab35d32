#include "solution.h"

/* Mistake: strips only '-' and '.', then treats every other character as a digit,
 * so a '+' sign or an exponent marker adds garbage. */
int digit_accumulator(const char *s)
{
    int sum = 0;
    for (; *s; s++) {
        if (*s == '-' || *s == '.')
            continue;
        sum += *s - '0';
    }
    return sum;
}
