/* WRONG: for the first w - 1 days prints the average of the days available so far instead of
 * "-" (pandas min_periods=1 behaviour, not what the statement asks). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, w;
    if (scanf("%d %d", &n, &w) != 2) return 1;
    long long *v = malloc(sizeof(long long) * (size_t)n);
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &v[i]) != 1) return 1;
    long long sum = 0;
    for (int i = 0; i < n; i++) {
        sum += v[i];
        if (i >= w) sum -= v[i - w];
        int len = i + 1 < w ? i + 1 : w;
        printf("%.6f\n", (double)sum / len);
    }
    free(v);
    return 0;
}
