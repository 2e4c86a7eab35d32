/* Input validator for digit-sum: exit 42 if valid, 43 otherwise.
 * Format: line 1 "t" (1 <= t <= 100000, no leading zeros); then t lines, each a
 * number matching  [+-]? ( D+ ( '.' D* )? | '.' D+ ) ( [eE] [+-]? D+ )?  where D is
 * a decimal digit. Total length of the t number lines (without newlines) at most
 * 1000000. Every line ends with '\n'; nothing follows the last one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(const char *why)
{
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

static int dig(int c)
{
    return c >= '0' && c <= '9';
}

static char *buf;
static long total;

/* Reads one line (without '\n') into buf; returns its length. */
static long read_line(void)
{
    long n = 0;
    int c;
    while ((c = getchar()) != '\n') {
        if (c == EOF)
            fail("missing newline");
        if (total + n >= 1000000 + 16)
            fail("too long");
        buf[n++] = (char)c;
    }
    buf[n] = 0;
    return n;
}

int main(void)
{
    buf = malloc(1000000 + 64);
    long n = read_line();
    if (n < 1 || n > 6)
        fail("bad t");
    for (long i = 0; i < n; i++)
        if (!dig(buf[i]))
            fail("bad t");
    if (buf[0] == '0')
        fail("t has a leading zero or is 0");
    long t = atol(buf);
    if (t < 1 || t > 100000)
        fail("t out of range");
    for (long k = 0; k < t; k++) {
        n = read_line();
        total += n;
        if (total > 1000000)
            fail("total length above 1000000");
        long i = 0;
        if (buf[i] == '+' || buf[i] == '-')
            i++;
        long intd = 0, fracd = 0;
        while (dig(buf[i])) {
            i++;
            intd++;
        }
        if (buf[i] == '.') {
            i++;
            while (dig(buf[i])) {
                i++;
                fracd++;
            }
        }
        if (intd + fracd == 0)
            fail("mantissa without digits");
        if (buf[i] == 'e' || buf[i] == 'E') {
            i++;
            if (buf[i] == '+' || buf[i] == '-')
                i++;
            long expd = 0;
            while (dig(buf[i])) {
                i++;
                expd++;
            }
            if (expd == 0)
                fail("exponent without digits");
        }
        if (i != n)
            fail("unexpected character");
    }
    if (getchar() != EOF)
        fail("trailing data");
    return 42;
}
