/* Input validator for business-days: exit 42 if valid, 43 otherwise.
 * Format: line 1 "q" (1 <= q <= 100000); then q lines "YYYY-MM-DD YYYY-MM-DD"
 * with valid proleptic Gregorian dates, years 0001..9999. Single spaces,
 * every line ends with '\n', nothing after the last line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

static int isdig(int c)
{
    return c >= '0' && c <= '9';
}

static long read_uint_line(void)
{
    char buf[32];
    int n = 0, c;
    while ((c = getchar()) != '\n') {
        if (c == EOF || n >= 20 || !isdig(c))
            fail("bad integer line");
        buf[n++] = (char)c;
    }
    if (n == 0 || (buf[0] == '0' && n > 1))
        fail("bad integer");
    buf[n] = 0;
    return atol(buf);
}

static void read_date(void)
{
    char s[10];
    for (int i = 0; i < 10; i++) {
        int c = getchar();
        if (c == EOF)
            fail("eof in date");
        s[i] = (char)c;
    }
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                fail("missing dash");
        } else if (!isdig(s[i])) {
            fail("non-digit in date");
        }
    }
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1)
        fail("date out of range");
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int ml = len[m - 1] + (m == 2 && leap);
    if (d > ml)
        fail("day beyond end of month");
}

int main(void)
{
    long q = read_uint_line();
    if (q < 1 || q > 100000)
        fail("q out of range");
    for (long i = 0; i < q; i++) {
        read_date();
        if (getchar() != ' ')
            fail("expected single space");
        read_date();
        if (getchar() != '\n')
            fail("expected newline");
    }
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
