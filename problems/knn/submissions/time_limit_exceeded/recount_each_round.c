/* Too slow when ties persist: sorts once (fine), but recounts the votes of the j nearest from
 * scratch for every j, O(k^2) in total. All-distinct labels force j all the way down to 1. */
#include <stdlib.h>
#include "solution.h"

typedef struct { long long dist; int idx; } Neighbour;

static int cmpNeighbour(const void *a, const void *b) {
    const Neighbour *x = a, *y = b;
    if (x->dist != y->dist) return x->dist < y->dist ? -1 : 1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static int cmpInt(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int kNN(int k, int **data, int dataSize, int *dataColSize, int *labels, int labelsSize,
        int *newPoint, int newPointSize) {
    (void)dataColSize; (void)labelsSize;
    int n = dataSize, d = newPointSize;
    Neighbour *nb = malloc(sizeof(Neighbour) * (size_t)n);
    for (int i = 0; i < n; i++) {
        long long s = 0;
        for (int j = 0; j < d; j++) {
            long long diff = (long long)data[i][j] - newPoint[j];
            s += diff * diff;
        }
        nb[i].dist = s;
        nb[i].idx = i;
    }
    qsort(nb, (size_t)n, sizeof(Neighbour), cmpNeighbour);
    int *lab = malloc(sizeof(int) * (size_t)k);
    int answer = -1;
    for (int j = k; j >= 1 && answer < 0; j--) {
        for (int i = 0; i < j; i++) lab[i] = labels[nb[i].idx];
        qsort(lab, (size_t)j, sizeof(int), cmpInt);       /* runs of equal labels */
        int bestCount = 0, bestLabel = 0, tie = 0;
        for (int i = 0; i < j;) {
            int e = i;
            while (e < j && lab[e] == lab[i]) e++;
            if (e - i > bestCount) { bestCount = e - i; bestLabel = lab[i]; tie = 0; }
            else if (e - i == bestCount) tie = 1;
            i = e;
        }
        if (!tie) answer = bestLabel;
    }
    free(nb); free(lab);
    return answer;
}
