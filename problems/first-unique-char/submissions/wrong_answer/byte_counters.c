/* Mistake: the counts are kept in bytes to save space ("only need to know 0, 1 or more").
 * A character that occurs 257 times wraps back to a count of 1 and is taken for unique. */
#include "solution.h"

char first_non_repeating(const char *s)
{
    unsigned char count[128] = {0};

    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    for (const char *p = s; *p; p++)
        if (count[(unsigned char)*p] == 1)
            return *p;
    return '\0';
}
