/* Mistake: merges like a set union: when both heads are equal it keeps one copy and skips the
 * other, so duplicates across the two lists are lost. */
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
    while (i < l1Size && j < l2Size) {
        if (l1[i] == l2[j])
            j++;
        else
            out[k++] = l1[i] < l2[j] ? l1[i++] : l2[j++];
    }
    while (i < l1Size)
        out[k++] = l1[i++];
    while (j < l2Size)
        out[k++] = l2[j++];
    *returnSize = k;
    return out;
}
