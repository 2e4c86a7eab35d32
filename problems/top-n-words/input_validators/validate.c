/* Input validator for top-n-words: exit 42 if valid, 43 otherwise.
 * Format: line 1 "N" (1 <= N <= 100000, no leading zeros). Then the text: zero or
 * more lines of printable ASCII (codes 32..126), each terminated by '\n'; at most
 * 1000000 bytes of text in total (newlines included). Nothing else may follow. */
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
            fail("bad N line");
        buf[n++] = (char)c;
    }
    if (n == 0 || buf[0] == '0')
        fail("bad N");
    buf[n] = 0;
    long v = atol(buf);
    if (v < 1 || v > 100000)
        fail("N out of range");
    long total = 0;
    int last = '\n';
    while ((c = getchar()) != EOF) {
        if (c != '\n' && (c < 32 || c > 126))
            fail("bad character");
        if (++total > 1000000)
            fail("text longer than 1000000 bytes");
        last = c;
    }
    if (last != '\n')
        fail("last line not terminated by a newline");
    return 42;
}
