/* Mistake: counts the triplets in an unsigned short ("a handful of answers"); the answer can have
 * up to 100000 triplets, so past 65535 the count wraps and the output is cut short. */
#include <stdio.h>
#include <stdlib.h>

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;

    return (x > y) - (x < y);
}

int main(void)
{
    int n;
    long long k;
    long long *a;
    long long *out;
    unsigned short count = 0;
    size_t cap = 1024;

    if (scanf("%d %lld", &n, &k) != 2)
        return 1;
    a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
    out = malloc(sizeof *out * 3 * cap);
    if (!a || !out)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &a[i]) != 1)
            return 1;
    qsort(a, (size_t)n, sizeof *a, cmp_ll);
    for (int i = 0; i + 2 < n; i++) {
        int lo = i + 1, hi = n - 1;

        if (i > 0 && a[i] == a[i - 1])
            continue;
        while (lo < hi) {
            long long s = a[i] + a[lo] + a[hi];

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
    /* i ascending, then lo ascending: already in lexicographic order */
    printf("%u\n", (unsigned)count);
    for (unsigned t = 0; t < count; t++)
        printf("%lld %lld %lld\n", out[3 * t], out[3 * t + 1], out[3 * t + 2]);
    free(a);
    free(out);
    return 0;
}
