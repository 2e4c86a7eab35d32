/* Wrong: prints the empty bins too (with count 0), up to the bin holding the maximum. */
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
    long long w = (mx - mn + 1 + x - 1) / x;
    long long *cnt = calloc((size_t)x, sizeof(long long));
    for (int i = 0; i < n; i++)
        cnt[(v[i] - mn) / w]++;
    long long last = (mx - mn) / w;
    for (long long b = 0; b <= last; b++)
        printf("%lld %lld %lld\n", mn + b * w, mn + b * w + w - 1, cnt[b]);
    free(v);
    free(cnt);
    return 0;
}
