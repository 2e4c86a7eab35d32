/* Mistake: the output index is an unsigned short ("lists are short"); past 65535 elements it wraps,
 * overwrites the start of the result and reports a wrong length. */
#include <stdlib.h>

#include "solution.h"

int *merge_sorted_lists(int *l1, int l1Size, int *l2, int l2Size, int *returnSize)
{
    int *out = malloc(sizeof *out * (size_t)(l1Size + l2Size > 0 ? l1Size + l2Size : 1));
    int i = 0, j = 0;
    unsigned short k = 0;

    if (!out) {
        *returnSize = 0;
        return NULL;
    }
    while (i < l1Size && j < l2Size)
        out[k++] = l1[i] <= l2[j] ? l1[i++] : l2[j++];
    while (i < l1Size)
        out[k++] = l1[i++];
    while (j < l2Size)
        out[k++] = l2[j++];
    *returnSize = k;
    return out;
}
