#include "solution.h"

/* Mistake: the counts live in a static array that is never cleared, so every
 * call also sees the characters of all previous calls. */
static int count[256];

bool perm_palindrome(const char *s)
{
    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    int odd = 0;
    for (int c = 0; c < 256; c++)
        if (count[c] % 2)
            odd++;
    return odd <= 1;
}
