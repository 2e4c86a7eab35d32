/* Wrong: only checks for zero spread, so a single value (or none) divides 0 by 0. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    int n;
    long long mu0;
    if (scanf("%d %lld", &n, &mu0) != 2)
        return 1;
    double mean = 0.0, m2 = 0.0;
    for (int i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1)
            return 1;
        double delta = (double)x - mean;
        mean += delta / (i + 1);
        m2 += delta * ((double)x - mean);
    }
    double s = sqrt(m2 / (n - 1));
    if (s == 0.0) {
        printf("undefined\n");
        return 0;
    }
    printf("%.6f\n", (mean - (double)mu0) / (s / sqrt((double)n)));
    return 0;
}
