/* Sort the rows by (user id, row index); the last row of each run of equal ids is the user's
 * current status. O(n log n). */
#include <stdio.h>
#include <stdlib.h>

typedef struct { int id; int row; int flag; } Row;

static int cmp(const void *a, const void *b) {
    const Row *x = a, *y = b;
    if (x->id != y->id) return x->id < y->id ? -1 : 1;
    return (x->row > y->row) - (x->row < y->row);
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    Row *r = malloc(sizeof(Row) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++) {
        if (scanf("%d %d", &r[i].id, &r[i].flag) != 2) return 1;
        r[i].row = i;
    }
    qsort(r, (size_t)n, sizeof(Row), cmp);
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
