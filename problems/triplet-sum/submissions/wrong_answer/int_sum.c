/* Mistake: the values fit in int, so the candidate adds them in int; a sum beyond 2^31 wraps. */
#include <stdio.h>
#include <stdlib.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

int main(void)
{
    int n;
    long long k;
    int *a;
    int *out;
    size_t count = 0, cap = 1024;

    if (scanf("%d %lld", &n, &k) != 2)
        return 1;
    a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
    out = malloc(sizeof *out * 3 * cap);
    if (!a || !out)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%d", &a[i]) != 1)
            return 1;
    qsort(a, (size_t)n, sizeof *a, cmp_int);
    for (int i = 0; i + 2 < n; i++) {
        int lo = i + 1, hi = n - 1;

        if (i > 0 && a[i] == a[i - 1])
            continue;
        while (lo < hi) {
            int s = a[i] + a[lo] + a[hi];

            if (s < k) {
                lo++;
            } else if (s > k) {
                hi--;
            } else {
                if (count == cap) {
                    cap *= 2;
                    out = realloc(out, sizeof *out * 3 * cap);
                    if (!out)
                        return 1;
                }
                out[3 * count] = a[i];
                out[3 * count + 1] = a[lo];
                out[3 * count + 2] = a[hi];
                count++;
                while (lo < hi && a[lo] == a[lo + 1])
                    lo++;
                while (lo < hi && a[hi] == a[hi - 1])
                    hi--;
                lo++;
                hi--;
            }
        }
    }
    printf("%zu\n", count);
    for (size_t t = 0; t < count; t++)
        printf("%d %d %d\n", out[3 * t], out[3 * t + 1], out[3 * t + 2]);
    free(a);
    free(out);
    return 0;
}
