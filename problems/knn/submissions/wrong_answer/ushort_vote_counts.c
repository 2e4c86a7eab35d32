/* Wrong: the vote counts in unsigned short (a label rarely gets 65536 votes, but k reaches 200000):
 * a count of 65536 or more wraps. Otherwise: sort by (distance, index), then shrink the vote while keeping
 * the label counts and "how many labels have count c" up to date, O(1) per step. */
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

    /* compress the labels of the k nearest neighbours to 0..m-1 */
    int *sorted = malloc(sizeof(int) * (size_t)k);
    for (int i = 0; i < k; i++) sorted[i] = labels[nb[i].idx];
    qsort(sorted, (size_t)k, sizeof(int), cmpInt);
    int m = 0;
    for (int i = 0; i < k; i++)
        if (i == 0 || sorted[i] != sorted[i - 1]) sorted[m++] = sorted[i];
    int *cls = malloc(sizeof(int) * (size_t)k);
    for (int i = 0; i < k; i++) {
        int key = labels[nb[i].idx];
        int *p = bsearch(&key, sorted, (size_t)m, sizeof(int), cmpInt);
        cls[i] = (int)(p - sorted);
    }
    unsigned short *cnt = calloc((size_t)m, sizeof(unsigned short));
    int *freq = calloc((size_t)k + 1, sizeof(int)); /* freq[c] = number of labels with count c */
    int best = 0;
    for (int i = 0; i < k; i++) cnt[cls[i]]++;
    for (int c = 0; c < m; c++) {
        freq[cnt[c]]++;
        if (cnt[c] > best) best = cnt[c];
    }
    int j = k;
    while (freq[best] > 1) {          /* tie: drop the j-th neighbour */
        int c = cls[j - 1];
        freq[cnt[c]]--;
        cnt[c]--;
        freq[cnt[c]]++;
        if (freq[best] == 0) best--;
        j--;
    }
    int answer = 0;
    for (int i = 0; i < j; i++)
        if (cnt[cls[i]] == best) { answer = sorted[cls[i]]; break; }
    free(nb); free(sorted); free(cls); free(cnt); free(freq);
    return answer;
}
