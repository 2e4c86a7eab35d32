#include "solution.h"

/* Mistake: keeps the parities as bits of one 64-bit mask, bit (c & 63) for character c. Printable
 * ASCII spans 94 codes, so c and c + 64 share a bit ('!' and 'a', '0' and 'p'): "!a" is wrongly a
 * palindrome permutation. */
bool perm_palindrome(const char *s)
{
    unsigned long long mask = 0;

    for (const char *p = s; *p; p++)
        mask ^= 1ULL << ((unsigned char)*p & 63);
    return (mask & (mask - 1)) == 0;
}
