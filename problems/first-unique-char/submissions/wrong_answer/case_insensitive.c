#include "solution.h"
#include <ctype.h>

/* Mistake: counts 'a' and 'A' as the same character. */
char first_non_repeating(const char *s)
{
    int count[256] = {0};
    for (const char *p = s; *p; p++)
        count[tolower((unsigned char)*p)]++;
    for (const char *p = s; *p; p++)
        if (count[tolower((unsigned char)*p)] == 1)
            return *p;
    return '\0';
}
