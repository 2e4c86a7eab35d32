/* Brute force: correct quartiles, but sorts the copy with bubble sort. O(n^2). */
#include <stdio.h>
#include <stdlib.h>

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
    if (n <= 0) {
        printf("0\n");
        return 0;
    }
    for (int end = n - 1; end > 0; end--) {
        int swapped = 0;
        for (int i = 0; i < end; i++) {
            if (s[i] > s[i + 1]) {
                long long t = s[i];
                s[i] = s[i + 1];
                s[i + 1] = t;
                swapped = 1;
            }
        }
        if (!swapped)
            break;
    }
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
