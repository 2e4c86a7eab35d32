#include "solution.h"

/* Mistake: counts the characters that occur exactly once instead of an odd number of times, so a
 * character occurring three times is taken as paired. */
bool perm_palindrome(const char *s)
{
    int count[256] = {0};
    int singles = 0;

    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    for (int c = 0; c < 256; c++)
        if (count[c] == 1)
            singles++;
    return singles <= 1;
}
