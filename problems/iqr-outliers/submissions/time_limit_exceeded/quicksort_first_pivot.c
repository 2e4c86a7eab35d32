/* Too slow on sorted input: the exact method of the accepted solution, but with a hand-written
 * quicksort that takes the first element as the pivot. O(n log n) on shuffled amounts, O(n^2) (and
 * a recursion n deep) when the amounts arrive already sorted or reversed. */
#include <stdio.h>
#include <stdlib.h>

static void quicksort(long long *a, int lo, int hi)
{
    while (lo < hi) {
        long long pivot = a[lo];
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (a[i] < pivot) {
                store++;
                long long t = a[i];
                a[i] = a[store];
                a[store] = t;
            }
        long long t = a[lo];
        a[lo] = a[store];
        a[store] = t;
        /* recurse into the left part, loop on the right part */
        quicksort(a, lo, store - 1);
        lo = store + 1;
    }
}

/* 4 * quantile(p) for p = num / 4, linear interpolation between sorted[k] and sorted[k + 1] */
static long long quartile4(const long long *s, long long n, long long num)
{
    long long pos4 = (n - 1) * num;
    long long k = pos4 / 4, r = pos4 % 4;
    long long q = 4 * s[k];
    if (r)
        q += r * (s[k + 1] - s[k]);
    return q;
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    long long *v = malloc(sizeof(long long) * (size_t)(n > 0 ? n : 1));
    long long *s = malloc(sizeof(long long) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++) {
        if (scanf("%lld", &v[i]) != 1)
            return 1;
        s[i] = v[i];
    }
    if (n == 0) {
        printf("0\n");
        return 0;
    }
    quicksort(s, 0, n - 1);
    long long q1 = quartile4(s, n, 1), q3 = quartile4(s, n, 3);
    long long iqr = q3 - q1;
    long long lo8 = 2 * q1 - 3 * iqr, hi8 = 2 * q3 + 3 * iqr;
    int m = 0;
    for (int i = 0; i < n; i++)
        if (8 * v[i] >= lo8 && 8 * v[i] <= hi8)
            m++;
    printf("%d\n", m);
    for (int i = 0; i < n; i++)
        if (8 * v[i] >= lo8 && 8 * v[i] <= hi8)
            printf("%lld\n", v[i]);
    free(v);
    free(s);
    return 0;
}
