/* Wrong: accumulates the sum in an int, which overflows on long columns of large values. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, mu0;
    if (scanf("%d %d", &n, &mu0) != 2)
        return 1;
    int *v = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    int sum = 0;
    for (int i = 0; i < n; i++) {
        if (scanf("%d", &v[i]) != 1)
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
        double d = v[i] - mean;
        ss += d * d;
    }
    double s = sqrt(ss / (n - 1));
    printf("%.6f\n", (mean - mu0) / (s / sqrt((double)n)));
    free(v);
    return 0;
}
