/* Input validator for first-unique-char: exit 42 if valid, 43 otherwise.
 * Format: exactly one line of 0..1000000 characters with codes 33..126
 * (printable ASCII, no spaces), terminated by '\n', then end of file. */
#include <stdio.h>

int main(void)
{
    long n = 0;
    int c;
    while ((c = getchar()) != '\n') {
        if (c == EOF || c < 33 || c > 126) {
            fprintf(stderr, "invalid character or missing newline\n");
            return 43;
        }
        if (++n > 1000000) {
            fprintf(stderr, "line too long\n");
            return 43;
        }
    }
    if (getchar() != EOF) {
        fprintf(stderr, "trailing data\n");
        return 43;
    }
    return 42;
}
