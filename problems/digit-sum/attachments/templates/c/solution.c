#include "solution.h"

int digit_accumulator(const char *s)
{
    (void)s;
    return 0;
}
