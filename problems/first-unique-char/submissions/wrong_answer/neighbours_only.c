#include "solution.h"

/* Mistake: only compares each character with its neighbours, which is right
 * for sorted strings but not in general ("abab" has no unique character). */
char first_non_repeating(const char *s)
{
    for (long i = 0; s[i]; i++) {
        int same_prev = i > 0 && s[i - 1] == s[i];
        int same_next = s[i + 1] == s[i];
        if (!same_prev && !same_next)
            return s[i];
    }
    return '\0';
}
