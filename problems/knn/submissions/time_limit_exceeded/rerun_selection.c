/* Too slow: takes "rerun the search with k - 1 neighbours" literally. Every round selects the j
 * nearest points by repeated minimum search (O(n * j)) and counts the votes from scratch. */
#include <stdlib.h>
#include "solution.h"

int kNN(int k, int **data, int dataSize, int *dataColSize, int *labels, int labelsSize,
        int *newPoint, int newPointSize) {
    (void)dataColSize; (void)labelsSize;
    int n = dataSize, d = newPointSize;
    long long *dist = malloc(sizeof(long long) * (size_t)n);
    char *taken = malloc((size_t)n);
    int *chosen = malloc(sizeof(int) * (size_t)k);
    for (int i = 0; i < n; i++) {
        long long s = 0;
        for (int j = 0; j < d; j++) {
            long long diff = (long long)data[i][j] - newPoint[j];
            s += diff * diff;
        }
        dist[i] = s;
    }
    int answer = -1;
    for (int j = k; j >= 1 && answer < 0; j--) {
        for (int i = 0; i < n; i++) taken[i] = 0;
        for (int t = 0; t < j; t++) {          /* t-th nearest: smallest (distance, index) left */
            int best = -1;
            for (int i = 0; i < n; i++)
                if (!taken[i] && (best < 0 || dist[i] < dist[best])) best = i;
            taken[best] = 1;
            chosen[t] = labels[best];
        }
        int bestCount = 0, bestLabel = 0, tie = 0;
        for (int a = 0; a < j; a++) {          /* count each label among the chosen */
            int c = 0;
            for (int b = 0; b < j; b++) c += chosen[b] == chosen[a];
            if (c > bestCount) { bestCount = c; bestLabel = chosen[a]; tie = 0; }
            else if (c == bestCount && chosen[a] != bestLabel) tie = 1;
        }
        if (!tie) answer = bestLabel;
    }
    free(dist); free(taken); free(chosen);
    return answer;
}
