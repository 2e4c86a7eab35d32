/* Input validator for impute-median: exit 42 if stdin is a valid test, 43 otherwise. */
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

static int nameChar(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

static void readName(void) {
    int len = 0, c;
    while (nameChar(c = getchar())) len++;
    if (c != EOF) ungetc(c, stdin);
    if (len < 1 || len > 20) fail("bad name length");
}

/* "NA" or: integer part (canonical), '.', exactly two digits; at most 20000000.00 */
static void readPrice(void) {
    int c = getchar();
    if (c == 'N') {
        if (getchar() != 'A') fail("expected NA");
        return;
    }
    ungetc(c, stdin);
    long long whole = readInt(0, 20000000);
    expectChar('.');
    int d1 = getchar(), d2 = getchar();
    if (d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9') fail("expected two decimals");
    if (whole == 20000000 && (d1 != '0' || d2 != '0')) fail("price above 20000000.00");
}

int main(void) {
    long long n = readInt(1, 100000);
    expectChar('\n');
    for (long long i = 0; i < n; i++) {
        readName();
        expectChar(' ');
        readPrice();
        expectChar('\n');
    }
    expectEOF();
    return 42;
}
