#include "solution.h"

/* Mistake: the second pass walks the alphabet instead of the string, so it
 * returns the smallest unique character rather than the first one. */
char first_non_repeating(const char *s)
{
    int count[256] = {0};
    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    for (int c = 1; c < 256; c++)
        if (count[c] == 1)
            return (char)c;
    return '\0';
}
