/* Mistake: the textbook one-pass formula ss = sum(x^2) - n * mean^2 in double. With values near
 * 10^6 the sum of squares is about 2 * 10^17, past 2^53, so its rounding error is larger than the
 * small spread being computed (catastrophic cancellation). */
#include <math.h>
#include <stdio.h>

int main(void)
{
    int n;
    long long mu0;
    if (scanf("%d %lld", &n, &mu0) != 2)
        return 1;
    double sum = 0.0, sumsq = 0.0;
    long long first = 0;
    int constant = 1;
    for (int i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1)
            return 1;
        if (i == 0)
            first = x;
        else if (x != first)
            constant = 0;
        sum += (double)x;
        sumsq += (double)x * (double)x;
    }
    if (n < 2 || constant) {
        printf("undefined\n");
        return 0;
    }
    double mean = sum / n;
    double s = sqrt((sumsq - n * mean * mean) / (n - 1));
    printf("%.6f\n", (mean - (double)mu0) / (s / sqrt((double)n)));
    return 0;
}
