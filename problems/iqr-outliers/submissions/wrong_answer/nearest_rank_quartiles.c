/* Wrong: quartiles by nearest rank, s[n / 4] and s[3n / 4], without interpolation. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
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
    double q1 = s[n / 4], q3 = s[3 * n / 4], iqr = q3 - q1;
    double lo = q1 - 1.5 * iqr, hi = q3 + 1.5 * iqr;
    int m = 0;
    for (int i = 0; i < n; i++)
        if (v[i] >= lo && v[i] <= hi)
            m++;
    printf("%d\n", m);
    for (int i = 0; i < n; i++)
        if (v[i] >= lo && v[i] <= hi)
            printf("%.0f\n", v[i]);
    free(v);
    free(s);
    return 0;
}
