/* Wrong: prints the kept values in sorted order instead of the input order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double quantile(const double *s, int n, double p)
{
    double h = (n - 1) * p;
    int k = (int)floor(h);
    if (k + 1 >= n)
        return s[n - 1];
    return s[k] + (h - k) * (s[k + 1] - s[k]);
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    double *v = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    double *s = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++) {
        if (scanf("%lf", &v[i]) != 1)
            return 1;
        s[i] = v[i];
    }
    if (n == 0) {
        printf("0\n");
        return 0;
    }
    qsort(s, (size_t)n, sizeof(double), cmp);
    double q1 = quantile(s, n, 0.25), q3 = quantile(s, n, 0.75), iqr = q3 - q1;
    double lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
    int m = 0;
    for (int i = 0; i < n; i++)
        if (v[i] >= lo && v[i] <= hi)
            m++;
    printf("%d\n", m);
    for (int i = 0; i < n; i++)
        if (s[i] >= lo && s[i] <= hi)
            printf("%.0f\n", s[i]);
    free(v);
    free(s);
    return 0;
}
