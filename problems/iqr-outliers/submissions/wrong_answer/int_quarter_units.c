/* Wrong: the exact method (quartiles in units of 1/4, fences in units of 1/8), but in int: 4 * s[k]
 * and 8 * v[i] wrap once |amount| passes 2^31 / 8 (about 2.7 * 10^8). */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* 4 * quantile(p) for p = num / 4, linear interpolation between sorted[k] and sorted[k + 1] */
static int quartile4(const int *s, int n, int num)
{
    int pos4 = (n - 1) * num;
    int k = pos4 / 4, r = pos4 % 4;
    int q = 4 * s[k];
    if (r)
        q += r * (s[k + 1] - s[k]);
    return q;
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    int *v = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    int *s = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++) {
        if (scanf("%d", &v[i]) != 1)
            return 1;
        s[i] = v[i];
    }
    if (n == 0) {
        printf("0\n");
        return 0;
    }
    qsort(s, (size_t)n, sizeof(int), cmp);
    int q1 = quartile4(s, n, 1), q3 = quartile4(s, n, 3);
    int iqr = q3 - q1;
    int lo8 = 2 * q1 - 3 * iqr, hi8 = 2 * q3 + 3 * iqr;
    int m = 0;
    for (int i = 0; i < n; i++)
        if (8 * v[i] >= lo8 && 8 * v[i] <= hi8)
            m++;
    printf("%d\n", m);
    for (int i = 0; i < n; i++)
        if (8 * v[i] >= lo8 && 8 * v[i] <= hi8)
            printf("%d\n", v[i]);
    free(v);
    free(s);
    return 0;
}
