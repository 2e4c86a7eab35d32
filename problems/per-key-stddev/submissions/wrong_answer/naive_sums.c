/* Wrong: E[x^2] - E[x]^2 with long long sums: the sum of squares overflows for large
 * values, and the subtraction cancels catastrophically when the mean is large. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_BITS 19
#define TABLE_SIZE (1 << TABLE_BITS)

typedef struct {
    char key[9];
    long long count;
    long long sum, sumsq;
} Group;

static int table[TABLE_SIZE]; /* group index + 1, 0 = empty */

static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    Group *groups = malloc(sizeof(Group) * (size_t)(n > 0 ? n : 1));
    int ngroups = 0;
    char key[16];
    int value;
    for (int i = 0; i < n; i++) {
        if (scanf("%15s %d", key, &value) != 2)
            return 1;
        uint32_t h = hash(key) & (TABLE_SIZE - 1);
        while (table[h] && strcmp(groups[table[h] - 1].key, key) != 0)
            h = (h + 1) & (TABLE_SIZE - 1);
        if (!table[h]) {
            Group *g = &groups[ngroups];
            strcpy(g->key, key);
            g->count = 0;
            g->sum = g->sumsq = 0;
            table[h] = ++ngroups;
        }
        Group *g = &groups[table[h] - 1];
        g->count++;
        g->sum += value;
        g->sumsq += (long long)value * value;
    }
    for (int i = 0; i < ngroups; i++) {
        double mean = (double)groups[i].sum / groups[i].count;
        double var = (double)groups[i].sumsq / groups[i].count - mean * mean;
        printf("%s %.6f\n", groups[i].key, sqrt(var > 0 ? var : 0));
    }
    free(groups);
    return 0;
}
