/* Sort both lists and compare position by position; the first difference (or the last element). */
#include <stdio.h>
#include <stdlib.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;

    return (x > y) - (x < y);
}

int main(void)
{
    int n, i;
    int *a, *b;

    if (scanf("%d", &n) != 1)
        return 1;
    a = malloc(sizeof *a * (size_t)n);
    b = malloc(sizeof *b * (size_t)n);
    if (!a || !b)
        return 1;
    for (i = 0; i < n; i++)
        if (scanf("%d", &a[i]) != 1)
            return 1;
    for (i = 0; i < n - 1; i++)
        if (scanf("%d", &b[i]) != 1)
            return 1;
    qsort(a, (size_t)n, sizeof *a, cmp_int);
    qsort(b, (size_t)(n - 1), sizeof *b, cmp_int);
    for (i = 0; i < n - 1; i++)
        if (a[i] != b[i])
            break;
    printf("%d\n", a[i]);
    free(a);
    free(b);
    return 0;
}
