/* Mistake: the number is first copied into a 128-byte buffer (to normalise it like a double's
 * text, "no number is longer than that"); the copy is cut at 127 characters, so the digits of a
 * longer string beyond them are lost. */
#include <string.h>

#include "solution.h"

int digit_accumulator(const char *s)
{
    char buf[128];
    int sum = 0;

    strncpy(buf, s, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (const char *p = buf; *p; p++)
        if (*p >= '0' && *p <= '9')
            sum += *p - '0';
    return sum;
}
