/* Input validator for median-rainfall: exit 42 if stdin is a valid test, 43 otherwise. */
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

static const char *DAYS[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                             "Sunday"};

static void readDay(void) {
    char buf[16];
    int len = 0, c;
    while ((c = getchar()) >= 'A' && c <= 'z' && len < 15) buf[len++] = (char)c;
    if (c != EOF) ungetc(c, stdin);
    buf[len] = '\0';
    for (int i = 0; i < 7; i++) {
        const char *d = DAYS[i];
        int k = 0;
        while (d[k] && d[k] == buf[k]) k++;
        if (d[k] == '\0' && buf[k] == '\0') return;
    }
    fail("unknown day name");
}

/* rainfall: integer part (canonical), '.', exactly two digits; 0.00 .. 100.00 */
static void readRainfall(void) {
    long long whole = readInt(0, 100);
    expectChar('.');
    int d1 = getchar(), d2 = getchar();
    if (d1 < '0' || d1 > '9' || d2 < '0' || d2 > '9') fail("expected two decimals");
    if (whole * 100 + (d1 - '0') * 10 + (d2 - '0') > 10000) fail("rainfall above 100.00");
}

int main(void) {
    long long n = readInt(0, 200000);
    expectChar('\n');
    for (long long i = 0; i < n; i++) {
        readDay();
        expectChar(' ');
        readRainfall();
        expectChar('\n');
    }
    expectEOF();
    return 42;
}
