#include "solution.h"
#include <ctype.h>

/* Mistake: folds case, so "Aa" is wrongly treated as "aa". */
bool perm_palindrome(const char *s)
{
    int count[256] = {0};
    for (const char *p = s; *p; p++)
        count[tolower((unsigned char)*p)]++;
    int odd = 0;
    for (int c = 0; c < 256; c++)
        if (count[c] % 2)
            odd++;
    return odd <= 1;
}
