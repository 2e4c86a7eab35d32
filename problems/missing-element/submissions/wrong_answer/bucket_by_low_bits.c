/* Mistake: counts kept per bucket of the value's low 20 bits (+1 for the first list, -1 for the
 * second), then the answer is the first value of the first list whose bucket is left at 1. Only
 * the bucket is known to be right: another value sharing the removed value's low bits can come
 * first. */
#include <stdio.h>
#include <stdlib.h>

#define BUCKETS (1u << 20)

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    int *a = malloc(sizeof *a * (size_t)n);
    int *count = calloc(BUCKETS, sizeof *count);
    if (!a || !count)
        return 1;
    for (int i = 0; i < n; i++) {
        if (scanf("%d", &a[i]) != 1)
            return 1;
        count[(unsigned)a[i] & (BUCKETS - 1)]++;
    }
    for (int i = 0; i < n - 1; i++) {
        int v;
        if (scanf("%d", &v) != 1)
            return 1;
        count[(unsigned)v & (BUCKETS - 1)]--;
    }
    for (int i = 0; i < n; i++)
        if (count[(unsigned)a[i] & (BUCKETS - 1)] == 1) {
            printf("%d\n", a[i]);
            break;
        }
    free(a);
    free(count);
    return 0;
}
