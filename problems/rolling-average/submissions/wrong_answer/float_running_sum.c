/* WRONG: keeps the running window sum in float ("it is only for an average"). Each add and
 * subtract rounds to 24 bits; the errors pile up over the days and, once the window sum falls from
 * billions to small values, they are larger than the average itself. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, w;
    if (scanf("%d %d", &n, &w) != 2) return 1;
    long long *v = malloc(sizeof(long long) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &v[i]) != 1) return 1;
    float sum = 0.0f;
    for (int i = 0; i < n; i++) {
        sum += (float)v[i];
        if (i >= w) sum -= (float)v[i - w];
        if (i + 1 >= w) printf("%.6f\n", (double)sum / w);
        else printf("-\n");
    }
    free(v);
    return 0;
}
