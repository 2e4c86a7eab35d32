/* Too slow when the rows arrive grouped and in key order: the accepted approach (sort row indices by
 * (key, row), exact sums, then the squared deviations), but sorted with a hand-written quicksort
 * that takes the first index as the pivot: O(n log n) on shuffled rows, O(n^2) on sorted ones. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char (*keys)[9];
static int *vals;

static int by_key_then_row(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    int c = strcmp(keys[i], keys[j]);
    if (c)
        return c;
    return (i > j) - (i < j);
}

typedef struct {
    int first;
    double sd;
} Result;

static int by_first(const void *a, const void *b)
{
    const Result *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* Hand-written quicksort of the row indices, the first as the pivot. */
static void quicksort(int *a, int lo, int hi)
{
    while (lo < hi) {
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (by_key_then_row(&a[i], &a[lo]) < 0) {
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
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    size_t cap = (size_t)(n > 0 ? n : 1);
    keys = malloc(sizeof(*keys) * cap);
    vals = malloc(sizeof(int) * cap);
    int *idx = malloc(sizeof(int) * cap);
    Result *res = malloc(sizeof(Result) * cap);
    for (int i = 0; i < n; i++) {
        if (scanf("%8s %d", keys[i], &vals[i]) != 2)
            return 1;
        idx[i] = i;
    }
    quicksort(idx, 0, n - 1);
    int nres = 0;
    for (int a = 0; a < n;) {
        int b = a;
        long long sum = 0;
        while (b < n && strcmp(keys[idx[a]], keys[idx[b]]) == 0)
            sum += vals[idx[b++]];
        double mean = (double)sum / (b - a);
        double ss = 0.0;
        for (int k = a; k < b; k++) {
            double d = vals[idx[k]] - mean;
            ss += d * d;
        }
        res[nres].first = idx[a];
        res[nres].sd = sqrt(ss / (b - a));
        nres++;
        a = b;
    }
    qsort(res, (size_t)nres, sizeof(Result), by_first);
    for (int i = 0; i < nres; i++)
        printf("%s %.6f\n", keys[res[i].first], res[i].sd);
    free(keys);
    free(vals);
    free(idx);
    free(res);
    return 0;
}
