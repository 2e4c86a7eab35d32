/* Input validator for bigrams: exit 42 if valid, 43 otherwise.
 * Format: exactly one line of 0..1000000 printable ASCII characters
 * (codes 32..126, so spaces are allowed), terminated by '\n', then end of file. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long n = 0;
    int c;
    while ((c = getchar()) != '\n') {
        if (c == EOF || c < 32 || c > 126) {
            fprintf(stderr, "invalid character or missing newline\n");
            return 43;
        }
        if (++n > 1000000) {
            fprintf(stderr, "line too long\n");
            return 43;
        }
    }
    if (getchar() != EOF) {
        fprintf(stderr, "trailing data after the line\n");
        return 43;
    }
    return 42;
}
