/* Mistake: "seen once" and "seen twice" kept as two 64-bit masks, keyed by the character's low
 * six bits. That covers 64 keys, but the 94 allowed characters need more: '!' (33) and 'a' (97)
 * share a bit, so each makes the other look repeated. */
#include <stdint.h>

#include "solution.h"

char first_non_repeating(const char *s)
{
    uint64_t once = 0, twice = 0;

    for (const char *p = s; *p; p++) {
        uint64_t bit = 1ULL << (*p & 63);
        twice |= once & bit;
        once |= bit;
    }
    for (const char *p = s; *p; p++)
        if (!(twice & (1ULL << (*p & 63))))
            return *p;
    return '\0';
}
