/* Input validator for grade-filter: exit 42 if stdin is a valid test, 43 otherwise. */
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

static void readWord(int lowerOnly) {
    int len = 0, c;
    while ((c = getchar()) != EOF && (lowerOnly ? (c >= 'a' && c <= 'z') : nameChar(c))) len++;
    if (c != EOF) ungetc(c, stdin);
    if (len < 1 || len > 20) fail(lowerOnly ? "bad colour" : "bad name");
}

int main(void) {
    long long n = readInt(0, 100000);
    expectChar('\n');
    for (long long i = 0; i < n; i++) {
        readWord(0);
        expectChar(' ');
        readInt(5, 100);
        expectChar(' ');
        readWord(1);
        expectChar(' ');
        readInt(0, 100);
        expectChar('\n');
    }
    expectEOF();
    return 42;
}
