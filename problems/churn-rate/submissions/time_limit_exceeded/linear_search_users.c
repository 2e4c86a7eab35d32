/* Too slow: keeps the distinct users in an unsorted array and finds each row's user by linear
 * search, O(n * users). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    int *ids = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    int *flags = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    int users = 0;
    for (int i = 0; i < n; i++) {
        int id, f;
        if (scanf("%d %d", &id, &f) != 2) return 1;
        int k = 0;
        while (k < users && ids[k] != id) k++;
        if (k == users) ids[users++] = id;
        flags[k] = f;
    }
    long long churned = 0;
    for (int k = 0; k < users; k++) churned += flags[k] == 0;
    printf("%.6f\n", users ? 100.0 * (double)churned / (double)users : 0.0);
    free(ids);
    free(flags);
    return 0;
}
