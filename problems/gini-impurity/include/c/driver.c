#include <stdio.h>
#include <stdlib.h>

#include "solution.h"

static int *read_labels(int *size)
{
    if (scanf("%d", size) != 1 || *size < 0)
        exit(1);
    int *a = malloc(sizeof(int) * (size_t)(*size > 0 ? *size : 1));
    if (!a)
        exit(1);
    for (int i = 0; i < *size; i++)
        if (scanf("%d", &a[i]) != 1)
            exit(1);
    return a;
}

/* Reads the test, calls weightedGini and prints the result with 6 decimals. */
int main(void)
{
    int nl, nr;
    int *left = read_labels(&nl);
    int *right = read_labels(&nr);
    double g = weightedGini(left, nl, right, nr);
    printf("%.6f\n", g);
    free(left);
    free(right);
    return 0;
}
