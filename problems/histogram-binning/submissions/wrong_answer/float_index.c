/* Mistake: the bin index is computed in float, "it is only a small index". A float has a
 * 24-bit mantissa, so v - min (up to 2^32 - 1) is rounded and values near a bin edge land in the
 * neighbouring bin. */
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
        cnt[(int)((float)(v[i] - mn) / (float)w)]++;
    for (int b = 0; b < x; b++)
        if (cnt[b] > 0) {
            long long lo = mn + b * w;
            printf("%lld %lld %lld\n", lo, lo + w - 1, cnt[b]);
        }
    free(v);
    free(cnt);
    return 0;
}
