/* Wrong: Welford's algorithm with the running mean and M2 in float ("std only needs 6 digits"):
 * with values up to 10^9 and large groups, float loses far more than 1e-6 relative. */
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
    float mean, m2;
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
            g->mean = g->m2 = 0.0;
            table[h] = ++ngroups;
        }
        Group *g = &groups[table[h] - 1];
        float x = (float)value;
        float delta = x - g->mean;
        g->count++;
        g->mean += delta / g->count;
        g->m2 += delta * (x - g->mean);
    }
    for (int i = 0; i < ngroups; i++)
        printf("%s %.6f\n", groups[i].key, sqrt(groups[i].m2 / groups[i].count));
    free(groups);
    return 0;
}
