/* Exact integer sum for the mean, then the squared deviations: t = (mean - mu0) / (s / sqrt(n)). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    long long mu0;
    if (scanf("%d %lld", &n, &mu0) != 2)
        return 1;
    long long *v = malloc(sizeof(long long) * (size_t)(n > 0 ? n : 1));
    long long sum = 0;
    for (int i = 0; i < n; i++) {
        if (scanf("%lld", &v[i]) != 1)
            return 1;
        sum += v[i];
    }
    int constant = 1;
    for (int i = 1; i < n; i++)
        if (v[i] != v[0])
            constant = 0;
    if (n < 2 || constant) {
        printf("undefined\n");
        free(v);
        return 0;
    }
    double mean = (double)sum / n;
    double ss = 0.0;
    for (int i = 0; i < n; i++) {
        double d = (double)v[i] - mean;
        ss += d * d;
    }
    double s = sqrt(ss / (n - 1));
    double diff = (double)(sum - mu0 * n) / n; /* mean - mu0, exact numerator */
    printf("%.6f\n", diff / (s / sqrt((double)n)));
    free(v);
    return 0;
}
