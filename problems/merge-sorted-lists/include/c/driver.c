/* merge-sorted-lists driver: reads both lists, calls merge_sorted_lists(), prints the result. */
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

/* never malloc(0): the function always gets valid pointers */
static int *read_list(int *size)
{
    int n = (int)read_ll();
    int *a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));

    if (!a)
        exit(1);
    for (int i = 0; i < n; i++)
        a[i] = (int)read_ll();
    *size = n;
    return a;
}

int main(void)
{
    int n, m, size = -1;
    int *l1 = read_list(&n);
    int *l2 = read_list(&m);
    int *merged = merge_sorted_lists(l1, n, l2, m, &size);

    if (size != n + m || (!merged && size > 0)) {
        printf("invalid\n"); /* wrong length, or no array where one is due */
    } else {
        static char out[1 << 16];
        size_t used = 0;

        printf("%d\n", size);
        /* print through a buffer: up to 400000 numbers */
        for (int i = 0; i < size; i++) {
            if (used > sizeof out - 16) {
                fwrite(out, 1, used, stdout);
                used = 0;
            }
            used += (size_t)sprintf(out + used, i + 1 < size ? "%d " : "%d", merged[i]);
        }
        fwrite(out, 1, used, stdout);
        printf("\n");
    }
    free(merged);
    free(l1);
    free(l2);
    return 0;
}
