/* Input validator for release-dates: exit 42 if valid, 43 otherwise.
 * Format: line 1 the cutoff date; line 2 "n m" (0 <= n, m <= 100000); then n lines
 * with the dates of list A and m lines with the dates of list B. Every date is
 * "YYYY-MM-DD", a valid proleptic Gregorian date in years 0001..9999. Every line
 * ends with '\n'; nothing follows the last one. */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

static int isdig(int c)
{
    return c >= '0' && c <= '9';
}

static void read_date_line(void)
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
    if (d > len[m - 1] + (m == 2 && leap))
        fail("day beyond end of month");
    if (getchar() != '\n')
        fail("expected newline after date");
}

/* Reads a canonical non-negative integer ended by `end`. */
static long read_count(int end)
{
    char buf[16];
    int n = 0, c;
    while ((c = getchar()) != end) {
        if (c == EOF || !isdig(c) || n >= 7)
            fail("bad count");
        buf[n++] = (char)c;
    }
    if (n == 0 || (buf[0] == '0' && n > 1))
        fail("bad count");
    buf[n] = 0;
    long v = atol(buf);
    if (v > 100000)
        fail("count above 100000");
    return v;
}

int main(void)
{
    read_date_line();
    long n = read_count(' ');
    long m = read_count('\n');
    for (long i = 0; i < n + m; i++)
        read_date_line();
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
