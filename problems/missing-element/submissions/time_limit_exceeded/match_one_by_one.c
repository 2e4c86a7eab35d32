/* Brute force: for every element of the first list, search the second list for an unused equal
 * element and mark it used; the element left without a partner is the answer. O(n^2). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, answer = 0;
    int *a, *b;
    char *used;

    if (scanf("%d", &n) != 1)
        return 1;
    a = malloc(sizeof *a * (size_t)n);
    b = malloc(sizeof *b * (size_t)n);
    used = calloc((size_t)n, 1);
    if (!a || !b || !used)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%d", &a[i]) != 1)
            return 1;
    for (int i = 0; i < n - 1; i++)
        if (scanf("%d", &b[i]) != 1)
            return 1;
    for (int i = 0; i < n; i++) {
        int j;

        for (j = 0; j < n - 1; j++)
            if (!used[j] && b[j] == a[i])
                break;
        if (j < n - 1)
            used[j] = 1;
        else
            answer = a[i];
    }
    printf("%d\n", answer);
    free(a);
    free(b);
    free(used);
    return 0;
}
