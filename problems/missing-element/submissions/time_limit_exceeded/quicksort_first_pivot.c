/* Too slow on lists that arrive sorted: sort both lists and compare position by position, but with
 * a hand-written quicksort that takes the first element as the pivot: O(n log n) on shuffled
 * lists, O(n^2) on sorted ones. */
#include <stdio.h>
#include <stdlib.h>

static void quicksort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int pivot = a[lo], store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (a[i] < pivot) {
                store++;
                int t = a[i];
                a[i] = a[store];
                a[store] = t;
            }
        int t = a[lo];
        a[lo] = a[store];
        a[store] = t;
        quicksort(a, lo, store - 1); /* the left part; loop on the right part */
        lo = store + 1;
    }
}

int main(void)
{
    int n, i;
    int *a, *b;

    if (scanf("%d", &n) != 1)
        return 1;
    a = malloc(sizeof *a * (size_t)n);
    b = malloc(sizeof *b * (size_t)n);
    if (!a || !b)
        return 1;
    for (i = 0; i < n; i++)
        if (scanf("%d", &a[i]) != 1)
            return 1;
    for (i = 0; i < n - 1; i++)
        if (scanf("%d", &b[i]) != 1)
            return 1;
    quicksort(a, 0, n - 1);
    quicksort(b, 0, n - 2);
    for (i = 0; i < n - 1; i++)
        if (a[i] != b[i])
            break;
    printf("%d\n", a[i]);
    free(a);
    free(b);
    return 0;
}
