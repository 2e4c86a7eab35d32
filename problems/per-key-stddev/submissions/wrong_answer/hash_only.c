/* Wrong: identifies a key by its 16-bit hash alone (no string comparison on a hit), so two keys
 * whose hashes agree modulo 65536 are merged into one group; with many distinct keys that happens. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLE_BITS 16
#define TABLE_SIZE (1 << TABLE_BITS)

typedef struct {
    char key[9];
    long long count;
    double mean, m2;
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
        
        if (!table[h]) {
            Group *g = &groups[ngroups];
            strcpy(g->key, key);
            g->count = 0;
            g->mean = g->m2 = 0.0;
            table[h] = ++ngroups;
        }
        Group *g = &groups[table[h] - 1];
        double x = value;
        double delta = x - g->mean;
        g->count++;
        g->mean += delta / g->count;
        g->m2 += delta * (x - g->mean);
    }
    for (int i = 0; i < ngroups; i++)
        printf("%s %.6f\n", groups[i].key, sqrt(groups[i].m2 / groups[i].count));
    free(groups);
    return 0;
}
