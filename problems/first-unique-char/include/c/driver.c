#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "solution.h"

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
    char c = first_non_repeating(line);
    if (c == '\0')
        printf("None\n");
    else if (c >= 33 && c <= 126)
        printf("%c\n", c);
    else
        printf("invalid\n");
    free(line);
    return 0;
}
