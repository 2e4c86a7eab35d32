/* Mistake: for each pair looks the third value up in the sorted array, but does not check that a
 * different copy of it exists, so one element can be used twice (1 + 3 + 3 from 1 3 5). */
#include <stdio.h>
#include <stdlib.h>

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

static int contains(const long long *a, int n, long long v)
{
    int lo = 0, hi = n - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;

        if (a[mid] == v)
            return 1;
        if (a[mid] < v)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

int main(void)
{
    int n;
    long long k;
    long long *a;

    if (scanf("%d %lld", &n, &k) != 2)
        return 1;
    a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
    if (!a)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &a[i]) != 1)
            return 1;
    qsort(a, (size_t)n, sizeof *a, cmp_ll);

    /* first pass counts, second pass prints */
    for (int pass = 0; pass < 2; pass++) {
        long long count = 0;

        for (int i = 0; i + 2 < n; i++) {
            if (i > 0 && a[i] == a[i - 1])
                continue;
            for (int j = i + 1; j + 1 < n; j++) {
                long long c;

                if (j > i + 1 && a[j] == a[j - 1])
                    continue;
                c = k - a[i] - a[j];
                if (c >= a[j] && contains(a, n, c)) {
                    count++;
                    if (pass == 1)
                        printf("%lld %lld %lld\n", a[i], a[j], c);
                }
            }
        }
        if (pass == 0)
            printf("%lld\n", count);
    }
    free(a);
    return 0;
}
