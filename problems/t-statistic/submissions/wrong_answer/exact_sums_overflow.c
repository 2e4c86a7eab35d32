/* Mistake: to dodge the rounding of the one-pass formula, the sums are kept exact in 64-bit
 * integers and ss = (n * sum(x^2) - sum(x)^2) / n. Each sum fits, but n * sum(x^2) reaches
 * 2 * 10^5 * 2 * 10^17 = 4 * 10^22 and wraps. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    int n;
    long long mu0;
    if (scanf("%d %lld", &n, &mu0) != 2)
        return 1;
    long long sum = 0, sumsq = 0;
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
        sum += x;
        sumsq += x * x;
    }
    if (n < 2 || constant) {
        printf("undefined\n");
        return 0;
    }
    double ss = (double)(n * sumsq - sum * sum) / n;
    double s = sqrt(ss / (n - 1));
    double diff = (double)(sum - mu0 * n) / n;
    printf("%.6f\n", diff / (s / sqrt((double)n)));
    return 0;
}
