/* Brute force: append l2 after l1, then insertion-sort everything. O((n + m)^2) when interleaved. */
#include <stdlib.h>

#include "solution.h"

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
    for (int i = 1; i < total; i++) {
        int key = out[i], p = i - 1;

        while (p >= 0 && out[p] > key) {
            out[p + 1] = out[p];
            p--;
        }
        out[p + 1] = key;
    }
    *returnSize = total;
    return out;
}
