/* Too slow on sorted input: the straightforward version with a hand-written quicksort that takes
 * the first element as the pivot. O(r log r) on shuffled rainfalls, O(r^2) when the rainy days
 * arrive already in order. */
#include <stdio.h>
#include <stdlib.h>

static void quicksort(double *a, int lo, int hi)
{
    while (lo < hi) {
        double pivot = a[lo];
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (a[i] < pivot) {
                store++;
                double t = a[i];
                a[i] = a[store];
                a[store] = t;
            }
        double t = a[lo];
        a[lo] = a[store];
        a[store] = t;
        quicksort(a, lo, store - 1); /* the left part; loop on the right part */
        lo = store + 1;
    }
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    double *v = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    int r = 0;
    char day[16];
    double x;
    for (int i = 0; i < n; i++) {
        if (scanf("%15s %lf", day, &x) != 2)
            return 1;
        if (x > 0)
            v[r++] = x;
    }
    if (r == 0) {
        printf("none\n");
        free(v);
        return 0;
    }
    quicksort(v, 0, r - 1);
    double med = r % 2 ? v[r / 2] : (v[r / 2 - 1] + v[r / 2]) / 2;
    printf("%.3f\n", med);
    free(v);
    return 0;
}
