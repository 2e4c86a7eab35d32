#include "solution.h"

char first_non_repeating(const char *s)
{
    int count[256] = {0};
    for (const char *p = s; *p; p++)
        count[(unsigned char)*p]++;
    for (const char *p = s; *p; p++)
        if (count[(unsigned char)*p] == 1)
            return *p;
    return '\0';
}
