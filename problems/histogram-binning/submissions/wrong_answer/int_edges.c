/* Mistake: the values fit in int, so the printed edges are computed in int too; the last
 * bin's hi = min + (i + 1) * w - 1 can pass 2^31 - 1 and wraps. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, x;
    if (scanf("%d %d", &n, &x) != 2)
        return 1;
    if (n == 0)
        return 0;
    long long *v = malloc(sizeof(long long) * (size_t)n);
    long long mn = 0, mx = 0;
    for (int i = 0; i < n; i++) {
        if (scanf("%lld", &v[i]) != 1)
            return 1;
        if (i == 0 || v[i] < mn)
            mn = v[i];
        if (i == 0 || v[i] > mx)
            mx = v[i];
    }
    long long range = mx - mn + 1;
    long long w = (range + x - 1) / x; /* ceil(range / x) */
    long long *cnt = calloc((size_t)x, sizeof(long long));
    for (int i = 0; i < n; i++)
        cnt[(v[i] - mn) / w]++;
    for (int b = 0; b < x; b++)
        if (cnt[b] > 0) {
            int lo = (int)(mn + b * w);
            int hi = lo + (int)w - 1;
            printf("%d %d %lld\n", lo, hi, cnt[b]);
        }
    free(v);
    free(cnt);
    return 0;
}
