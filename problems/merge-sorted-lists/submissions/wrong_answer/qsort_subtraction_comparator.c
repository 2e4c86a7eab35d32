/* Mistake: concatenates and calls qsort with the comparator "return x - y;". For values far apart
 * (1000000000 and -1000000000) the difference overflows int and the order comes out wrong. */
#include <stdlib.h>

#include "solution.h"

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int *merge_sorted_lists(int *l1, int l1Size, int *l2, int l2Size, int *returnSize)
{
    int total = l1Size + l2Size;
    int *out = malloc(sizeof *out * (size_t)(total > 0 ? total : 1));

    if (!out) {
        *returnSize = 0;
        return NULL;
    }
    for (int i = 0; i < l1Size; i++)
        out[i] = l1[i];
    for (int j = 0; j < l2Size; j++)
        out[l1Size + j] = l2[j];
    qsort(out, (size_t)total, sizeof *out, cmp_int);
    *returnSize = total;
    return out;
}
