/* Wrong: handles n < 2 but not a constant column, where s = 0 and t is infinite or NaN. */
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
    if (n < 2) {
        printf("undefined\n");
        return 0;
    }
    double s = sqrt(m2 / (n - 1));
    printf("%.6f\n", (mean - (double)mu0) / (s / sqrt((double)n)));
    return 0;
}
