/* missing-number driver: reads the test from stdin, calls missing_number(), prints the result. */
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
    /* never malloc(0): the function always gets a valid pointer */
    int *nums = malloc(sizeof *nums * (size_t)(n > 0 ? n : 1));

    if (!nums)
        return 1;
    for (int i = 0; i < n; i++)
        nums[i] = (int)read_ll();
    printf("%d\n", missing_number(nums, n));
    free(nums);
    return 0;
}
