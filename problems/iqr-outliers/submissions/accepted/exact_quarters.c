/* Sort a copy, take the linearly interpolated quartiles exactly in units of 1/4,
 * compare against the fences in units of 1/8. O(n log n). */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

/* 4 * quantile(p) for p = num / 4, linear interpolation between sorted[k] and sorted[k + 1] */
static long long quartile4(const long long *s, long long n, long long num)
{
    long long pos4 = (n - 1) * num; /* 4 * (n - 1) * p */
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
    qsort(s, (size_t)n, sizeof(long long), cmp);
    long long q1 = quartile4(s, n, 1), q3 = quartile4(s, n, 3); /* times 4 */
    long long iqr = q3 - q1;                                    /* times 4 */
    long long lo8 = 2 * q1 - 3 * iqr, hi8 = 2 * q3 + 3 * iqr;  /* fences times 8 */
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
