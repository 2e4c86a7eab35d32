/* Mistake: decides which head is smaller with l1[i] - l2[j] <= 0; the difference overflows int
 * for values far apart (INT_MAX and a negative value), and the order comes out wrong. */
#include <stdlib.h>

#include "solution.h"

int *merge_sorted_lists(int *l1, int l1Size, int *l2, int l2Size, int *returnSize)
{
    int *out = malloc(sizeof *out * (size_t)(l1Size + l2Size > 0 ? l1Size + l2Size : 1));
    int i = 0, j = 0, k = 0;

    if (!out) {
        *returnSize = 0;
        return NULL;
    }
    while (i < l1Size && j < l2Size)
        out[k++] = (int)((unsigned)l1[i] - (unsigned)l2[j]) <= 0 ? l1[i++] : l2[j++];
    while (i < l1Size)
        out[k++] = l1[i++];
    while (j < l2Size)
        out[k++] = l2[j++];
    *returnSize = k;
    return out;
}
