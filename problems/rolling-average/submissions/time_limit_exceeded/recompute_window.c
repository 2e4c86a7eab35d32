/* Too slow: recomputes every window sum from scratch, O(n * w). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, w;
    if (scanf("%d %d", &n, &w) != 2) return 1;
    long long *v = malloc(sizeof(long long) * (size_t)n);
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &v[i]) != 1) return 1;
    for (int i = 0; i < n; i++) {
        if (i + 1 < w) {
            printf("-\n");
            continue;
        }
        double sum = 0;
        for (int j = i - w + 1; j <= i; j++) sum += (double)v[j];
        printf("%.6f\n", sum / w);
    }
    free(v);
    return 0;
}
