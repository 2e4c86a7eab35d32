#include "solution.h"

/* Counts the occurrences of each character with a fresh scan of the whole
 * string: O(n^2) when the unique character is late or missing. */
static long count_char(const char *s, char c)
{
    long k = 0;
    for (; *s; s++)
        if (*s == c)
            k++;
    return k;
}

char first_non_repeating(const char *s)
{
    for (const char *p = s; *p; p++)
        if (count_char(s, *p) == 1)
            return *p;
    return '\0';
}
