/* rotate-matrix driver: reads the matrix, calls rotate_matrix(), prints the matrix afterwards. */
#include <stdio.h>
#include <stdlib.h>

#include "solution.h"

static char inbuf[1 << 16];
static size_t inlen, inpos;

static int next_byte(void)
{
    if (inpos == inlen) {
        inlen = fread(inbuf, 1, sizeof inbuf, stdin);
        inpos = 0;
        if (inlen == 0)
            return EOF;
    }
    return (unsigned char)inbuf[inpos++];
}

/* Reads the next integer; the input is trusted (checked by the input validator). */
static long long read_ll(void)
{
    int c = next_byte();
    int neg = 0;
    long long v = 0;

    while (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        c = next_byte();
    if (c == '-') {
        neg = 1;
        c = next_byte();
    }
    while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        c = next_byte();
    }
    return neg ? -v : v;
}

int main(void)
{
    int n = (int)read_ll();
    size_t rows = (size_t)(n > 0 ? n : 1); /* never malloc(0): the function gets valid pointers */
    int **matrix = malloc(sizeof *matrix * rows);
    int **saved = malloc(sizeof *saved * rows); /* the row pointers, to check they were kept */
    int *col_size = malloc(sizeof *col_size * rows);
    int valid = 1;

    if (!matrix || !saved || !col_size)
        return 1;
    for (int i = 0; i < n; i++) {
        matrix[i] = saved[i] = malloc(sizeof **matrix * (size_t)n);
        if (!matrix[i])
            return 1;
        col_size[i] = n;
        for (int j = 0; j < n; j++)
            matrix[i][j] = (int)read_ll();
    }

    rotate_matrix(matrix, n, col_size);

    for (int i = 0; i < n; i++)
        if (matrix[i] != saved[i])
            valid = 0;
    if (!valid) {
        printf("invalid\n"); /* rows replaced instead of rotated in place */
    } else {
        printf("%d\n", n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                printf(j + 1 < n ? "%d " : "%d\n", saved[i][j]);
    }
    for (int i = 0; i < n; i++)
        free(saved[i]);
    free(saved);
    free(matrix);
    free(col_size);
    return 0;
}
