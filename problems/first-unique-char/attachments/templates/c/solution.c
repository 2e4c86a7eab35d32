#include "solution.h"

char first_non_repeating(const char *s)
{
    (void)s;
    return '\0';
}
