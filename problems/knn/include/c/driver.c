/* Driver for knn: reads the test from stdin, calls kNN() and prints the returned label. */
#include <stdio.h>
#include <stdlib.h>
#include "solution.h"

static int readInt(int *out) {
    int c = getchar();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = getchar();
    int neg = 0;
    if (c == '-') { neg = 1; c = getchar(); }
    if (c < '0' || c > '9') return 0;
    long long v = 0;
    while (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); c = getchar(); }
    *out = (int)(neg ? -v : v);
    return 1;
}

int main(void) {
    int n, d, k;
    if (!readInt(&n) || !readInt(&d) || !readInt(&k)) return 1;
    int *cells = malloc(sizeof(int) * (size_t)n * (size_t)d);
    int **data = malloc(sizeof(int *) * (size_t)n);
    int *colSize = malloc(sizeof(int) * (size_t)n);
    int *labels = malloc(sizeof(int) * (size_t)n);
    int *point = malloc(sizeof(int) * (size_t)d);
    if (!cells || !data || !colSize || !labels || !point) return 1;
    for (int i = 0; i < n; i++) {
        data[i] = cells + (size_t)i * (size_t)d;
        colSize[i] = d;
        for (int j = 0; j < d; j++)
            if (!readInt(&data[i][j])) return 1;
        if (!readInt(&labels[i])) return 1;
    }
    for (int j = 0; j < d; j++)
        if (!readInt(&point[j])) return 1;
    int label = kNN(k, data, n, colSize, labels, n, point, d);
    printf("%d\n", label);
    free(cells); free(data); free(colSize); free(labels); free(point);
    return 0;
}
