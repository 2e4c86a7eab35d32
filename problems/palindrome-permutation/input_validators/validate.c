/* Input validator for palindrome-permutation: exit 42 if valid, 43 otherwise.
 * Format: line 1 "t" (1 <= t <= 100000, no leading zeros); then t lines, each a
 * string of 0 or more characters with codes 33..126; total length of the t strings
 * at most 1000000. Every line ends with '\n'; nothing follows the last one. */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

int main(void)
{
    char buf[16];
    int n = 0, c;
    while ((c = getchar()) != '\n') {
        if (c == EOF || c < '0' || c > '9' || n >= 7)
            fail("bad t line");
        buf[n++] = (char)c;
    }
    if (n == 0 || buf[0] == '0')
        fail("bad t");
    buf[n] = 0;
    long t = atol(buf);
    if (t < 1 || t > 100000)
        fail("t out of range");
    long total = 0;
    for (long i = 0; i < t; i++) {
        while ((c = getchar()) != '\n') {
            if (c == EOF || c < 33 || c > 126)
                fail("bad character or missing newline");
            if (++total > 1000000)
                fail("total length above 1000000");
        }
    }
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
