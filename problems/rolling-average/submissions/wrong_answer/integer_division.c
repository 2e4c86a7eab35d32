/* WRONG: divides the window sum by w in integer arithmetic, losing the fraction. */
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
        if (i + 1 >= w) printf("%.6f\n", (double)(sum / w));
        else printf("-\n");
    }
    free(v);
    return 0;
}
