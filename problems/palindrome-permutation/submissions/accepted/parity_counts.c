#include "solution.h"

bool perm_palindrome(const char *s)
{
    unsigned char odd[256] = {0};
    int odd_chars = 0;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        odd[c] ^= 1;
        odd_chars += odd[c] ? 1 : -1;
    }
    return odd_chars <= 1;
}
