/* Too slow when the log arrives in user-id order: the accepted approach (sort the rows by (user id,
 * row index), the last row of each run is the user's status), but sorted with a hand-written
 * quicksort that takes the first row as the pivot: O(n log n) on shuffled ids, O(n^2) on sorted. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { int id; int row; int flag; } Row;

static int cmp(const void *a, const void *b) {
    const Row *x = a, *y = b;
    if (x->id != y->id) return x->id < y->id ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

static void quicksort(Row *a, int lo, int hi) {
    while (lo < hi) {
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (cmp(&a[i], &a[lo]) < 0) {
                store++;
                Row t = a[i]; a[i] = a[store]; a[store] = t;
            }
        Row t = a[lo]; a[lo] = a[store]; a[store] = t;
        quicksort(a, lo, store - 1); /* the left part; loop on the right part */
        lo = store + 1;
    }
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    Row *r = malloc(sizeof(Row) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++) {
        if (scanf("%d %d", &r[i].id, &r[i].flag) != 2) return 1;
        r[i].row = i;
    }
    quicksort(r, 0, n - 1);
    long long users = 0, churned = 0;
    for (int i = 0; i < n; i++)
        if (i + 1 == n || r[i + 1].id != r[i].id) { /* last row of this user */
            users++;
            if (r[i].flag == 0) churned++;
        }
    printf("%.6f\n", users ? 100.0 * (double)churned / (double)users : 0.0);
    free(r);
    return 0;
}
