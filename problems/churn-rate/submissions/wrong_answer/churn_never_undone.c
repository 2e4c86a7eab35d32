/* Mistake: a user who was ever inactive is counted as churned: the rows with flag 0 are
 * collected, but a later row showing the user active again is not looked at, so the last row
 * does not decide the status. */
#include <stdio.h>
#include <stdlib.h>

typedef struct { unsigned id; int flag; } Row;

static int by_id(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    unsigned *ids = malloc(sizeof(unsigned) * (size_t)(n > 0 ? n : 1));
    unsigned *zero = malloc(sizeof(unsigned) * (size_t)(n > 0 ? n : 1));
    int nz = 0;
    for (int i = 0; i < n; i++) {
        int f;
        if (scanf("%u %d", &ids[i], &f) != 2)
            return 1;
        if (f == 0)
            zero[nz++] = ids[i]; /* churned once, churned for good */
    }
    qsort(ids, (size_t)n, sizeof(unsigned), by_id);
    qsort(zero, (size_t)nz, sizeof(unsigned), by_id);
    long long users = 0, churned = 0;
    for (int i = 0; i < n; i++)
        if (i == 0 || ids[i] != ids[i - 1])
            users++;
    for (int i = 0; i < nz; i++)
        if (i == 0 || zero[i] != zero[i - 1])
            churned++;
    printf("%.6f\n", users ? 100.0 * (double)churned / (double)users : 0.0);
    free(ids);
    free(zero);
    return 0;
}
