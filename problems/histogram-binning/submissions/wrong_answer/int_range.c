/* Wrong: computes the range and the offsets in int, which overflows for a span near 2e9. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, x;
    if (scanf("%d %d", &n, &x) != 2)
        return 1;
    if (n == 0)
        return 0;
    int *v = malloc(sizeof(int) * (size_t)n);
    int mn = 0, mx = 0;
    for (int i = 0; i < n; i++) {
        if (scanf("%d", &v[i]) != 1)
            return 1;
        if (i == 0 || v[i] < mn)
            mn = v[i];
        if (i == 0 || v[i] > mx)
            mx = v[i];
    }
    int range = mx - mn + 1;
    int w = (range + x - 1) / x;
    if (w <= 0)
        w = 1;
    int *cnt = calloc((size_t)x, sizeof(int));
    for (int i = 0; i < n; i++) {
        int b = (v[i] - mn) / w;
        if (b < 0)
            b = 0;
        if (b >= x)
            b = x - 1;
        cnt[b]++;
    }
    for (int b = 0; b < x; b++)
        if (cnt[b] > 0)
            printf("%d %d %d\n", mn + b * w, mn + b * w + w - 1, cnt[b]);
    free(v);
    free(cnt);
    return 0;
}
