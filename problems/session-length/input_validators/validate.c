/* Input validator for session-length: exit 42 if stdin is a valid test, 43 otherwise. */
#include <stdio.h>
#include <stdlib.h>

static void fail(const char *why) {
    fprintf(stderr, "invalid: %s\n", why);
    exit(43);
}

/* Reads an integer written canonically (optional '-', no leading zeros, no "-0") in [lo, hi]. */
static long long readInt(long long lo, long long hi) {
    int c = getchar(), neg = 0, digits = 0;
    long long v = 0;
    if (c == '-') { neg = 1; c = getchar(); }
    if (c < '0' || c > '9') fail("expected a digit");
    int first = c;
    while (c >= '0' && c <= '9') {
        if (++digits > 18) fail("number too long");
        v = v * 10 + (c - '0');
        c = getchar();
    }
    if (c != EOF) ungetc(c, stdin);
    if (first == '0' && digits > 1) fail("leading zero");
    if (neg && v == 0) fail("negative zero");
    if (neg) v = -v;
    if (v < lo || v > hi) fail("integer out of range");
    return v;
}

static void expectChar(int want) {
    if (getchar() != want) fail(want == '\n' ? "expected end of line" : "expected a single space");
}

static void expectEOF(void) {
    if (getchar() != EOF) fail("trailing data");
}

static int readDigits(int k) { /* exactly k digits */
    int v = 0;
    for (int i = 0; i < k; i++) {
        int c = getchar();
        if (c < '0' || c > '9') fail("expected a digit in the timestamp");
        v = v * 10 + (c - '0');
    }
    return v;
}

static int isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static void readTimestamp(void) {
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = readDigits(4);
    expectChar('-');
    int mo = readDigits(2);
    expectChar('-');
    int d = readDigits(2);
    expectChar(' ');
    int h = readDigits(2);
    expectChar(':');
    int mi = readDigits(2);
    expectChar(':');
    int s = readDigits(2);
    if (y < 1900 || y > 2100) fail("year out of range");
    if (mo < 1 || mo > 12) fail("bad month");
    int dim = mdays[mo - 1] + (mo == 2 && isLeap(y));
    if (d < 1 || d > dim) fail("bad day of month");
    if (h > 23 || mi > 59 || s > 59) fail("bad time of day");
}

int main(void) {
    long long n = readInt(1, 100000);
    expectChar(' ');
    readInt(0, 10000000000LL);            /* T */
    expectChar('\n');
    for (long long i = 0; i < n; i++) {
        readInt(1, 1000000);
        expectChar(' ');
        readTimestamp();
        expectChar('\n');
    }
    expectEOF();
    return 42;
}
