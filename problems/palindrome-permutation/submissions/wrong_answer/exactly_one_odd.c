#include "solution.h"

/* Mistake: demands exactly one character with an odd count, forgetting that
 * even-length palindromes (and the empty string) have none. */
bool perm_palindrome(const char *s)
{
    int count[256] = {0};
    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    int odd = 0;
    for (int c = 0; c < 256; c++)
        if (count[c] % 2)
            odd++;
    return odd == 1;
}
