/* Mistake: the bin counts are kept in unsigned short to save memory with many bins; a bin
 * holding more than 65535 values (n can be 200000) wraps. */
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
    unsigned short *cnt = calloc((size_t)x, sizeof(unsigned short));
    for (int i = 0; i < n; i++)
        cnt[(v[i] - mn) / w]++;
    for (int b = 0; b < x; b++)
        if (cnt[b] > 0) {
            long long lo = mn + b * w;
            printf("%lld %lld %u\n", lo, lo + w - 1, (unsigned)cnt[b]);
        }
    free(v);
    free(cnt);
    return 0;
}
