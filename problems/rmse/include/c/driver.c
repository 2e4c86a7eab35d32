#include <stdio.h>
#include <stdlib.h>

#include "solution.h"

static int *read_array(int *size)
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

/* Reads the test, calls rmse and prints the result with 6 decimals. */
int main(void)
{
    int n, m;
    int *actual = read_array(&n);
    int *predicted = read_array(&m);
    double r = rmse(actual, n, predicted, m);
    printf("%.6f\n", r);
    free(actual);
    free(predicted);
    return 0;
}
