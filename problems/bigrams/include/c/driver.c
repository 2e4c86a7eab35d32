#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "solution.h"

/* A bigram must be "x y": exactly one space, with two non-empty words made of
 * lowercase letters and digits. */
static int well_formed(const char *b)
{
    int spaces = 0;
    size_t len = strlen(b);
    if (len < 3 || b[0] == ' ' || b[len - 1] == ' ')
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = b[i];
        if (c == ' ')
            spaces++;
        else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return spaces == 1;
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        line = malloc(1);
        line[0] = '\0';
        n = 0;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
    int size = -1;
    char **res = bigrams(line, &size);
    if (size < 0 || size > (int)n || (size > 0 && res == NULL)) {
        printf("invalid\n");
        return 0;
    }
    for (int i = 0; i < size; i++) {
        if (res[i] == NULL || !well_formed(res[i])) {
            printf("invalid\n");
            return 0;
        }
    }
    printf("%d\n", size);
    for (int i = 0; i < size; i++) {
        puts(res[i]);
        free(res[i]);
    }
    free(res);
    free(line);
    return 0;
}
