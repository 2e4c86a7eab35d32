#include "solution.h"

/* Counts each position's character with a fresh scan of the whole string
 * (like s.count(c) for every c): O(n^2) for a long string. */
static long count_char(const char *s, char c)
{
    long k = 0;
    for (; *s; s++)
        if (*s == c)
            k++;
    return k;
}

bool perm_palindrome(const char *s)
{
    bool odd[256] = {false};
    int odd_chars = 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (count_char(s, *p) % 2 && !odd[c]) {
            odd[c] = true;
            odd_chars++;
        }
    }
    return odd_chars <= 1;
}
