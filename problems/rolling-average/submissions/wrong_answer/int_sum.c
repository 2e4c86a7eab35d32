/* WRONG: keeps the window sum in a 32-bit int, which overflows once it passes 2^31 - 1
 * (emulated with unsigned arithmetic so that the wrap-around is well defined). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, w;
    if (scanf("%d %d", &n, &w) != 2) return 1;
    long long *v = malloc(sizeof(long long) * (size_t)n);
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &v[i]) != 1) return 1;
    unsigned sum = 0;
    for (int i = 0; i < n; i++) {
        sum += (unsigned)v[i];
        if (i >= w) sum -= (unsigned)v[i - w];
        if (i + 1 >= w) printf("%.6f\n", (double)(int)sum / w);
        else printf("-\n");
    }
    free(v);
    return 0;
}
