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
    if (n <= 0)
        return 1;
    int t = atoi(line);
    for (int i = 0; i < t; i++) {
        n = getline(&line, &cap, stdin);
        if (n <= 0)
            return 1;
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        printf("%d\n", digit_accumulator(line));
    }
    free(line);
    return 0;
}
