/* Mistake: one pass that records each character's first position, then picks the unique
 * character with the smallest position. Positions are stored in unsigned short, which wraps
 * past 65535 though the string can hold 10^6 characters: a unique character at position 70000
 * looks as if it came at 4464. */
#include "solution.h"

char first_non_repeating(const char *s)
{
    unsigned short first[128];
    int count[128] = {0};
    int best = -1;

    for (unsigned i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (count[c]++ == 0)
            first[c] = (unsigned short)i;
    }
    for (int c = 0; c < 128; c++)
        if (count[c] == 1 && (best < 0 || first[c] < first[best]))
            best = c;
    return best < 0 ? '\0' : (char)best;
}
