/* Driver for kmeans: reads the test from stdin, calls kMeans() and prints the assignment. */
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

static int **readMatrix(int rows, int cols) {
    int *cells = malloc(sizeof(int) * ((size_t)rows * (size_t)cols + 1));
    int **m = malloc(sizeof(int *) * ((size_t)rows + 1));
    if (!cells || !m) exit(1);
    for (int i = 0; i < rows; i++) {
        m[i] = cells + (size_t)i * (size_t)cols;
        for (int j = 0; j < cols; j++)
            if (!readInt(&m[i][j])) exit(1);
    }
    return m;
}

int main(void) {
    int n, d, k, maxIter;
    if (!readInt(&n) || !readInt(&d) || !readInt(&k) || !readInt(&maxIter)) return 1;
    int **points = readMatrix(n, d);
    int **centroids = readMatrix(k, d);
    int *colSize = malloc(sizeof(int) * (size_t)n);
    if (!colSize) return 1;
    for (int i = 0; i < n; i++) colSize[i] = d;
    int returnSize = -1;
    int *result = kMeans(points, n, colSize, k, centroids, maxIter, &returnSize);
    if (result == NULL || returnSize != n) {
        printf("invalid\n");
        return 0;
    }
    for (int i = 0; i < n; i++)
        if (result[i] < 0 || result[i] >= k) {
            printf("invalid\n");
            return 0;
        }
    for (int i = 0; i < n; i++) printf(i ? " %d" : "%d", result[i]);
    printf("\n");
    free(result);
    free(points[0]); free(points);
    free(centroids[0]); free(centroids);
    free(colSize);
    return 0;
}
