/* last-node driver: builds the list (with its cycle, if any), calls last_node(), prints the node. */
#include <stdint.h>
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
    struct ListNode *nodes = calloc((size_t)(n > 0 ? n : 1), sizeof *nodes);
    int *vals = malloc(sizeof *vals * (size_t)(n > 0 ? n : 1)); /* copy, to detect changes */
    int pos, intact = 1;
    struct ListNode *last;

    if (!nodes || !vals)
        return 1;
    for (int i = 0; i < n; i++)
        nodes[i].val = vals[i] = (int)read_ll();
    pos = (int)read_ll();
    for (int i = 0; i + 1 < n; i++)
        nodes[i].next = &nodes[i + 1];
    if (n > 0)
        nodes[n - 1].next = pos >= 0 ? &nodes[pos] : NULL;

    last = last_node(n > 0 ? &nodes[0] : NULL);

    for (int i = 0; i < n; i++) {
        struct ListNode *want = i + 1 < n ? &nodes[i + 1] : pos >= 0 ? &nodes[pos] : NULL;

        if (nodes[i].next != want || nodes[i].val != vals[i])
            intact = 0;
    }
    if (!intact) {
        printf("invalid\n"); /* the list was modified */
    } else if (!last) {
        printf("null\n");
    } else {
        uintptr_t off = (uintptr_t)last - (uintptr_t)nodes;

        if ((uintptr_t)last < (uintptr_t)nodes || off % sizeof *nodes != 0 || off / sizeof *nodes >= (uintptr_t)n)
            printf("invalid\n"); /* not a node of the list */
        else
            printf("%d %d\n", (int)(off / sizeof *nodes), vals[off / sizeof *nodes]);
    }
    free(nodes);
    free(vals);
    return 0;
}
