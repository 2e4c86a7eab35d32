/* Open-addressing hash table from user id to the latest flag; O(n) expected. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    size_t cap = 1;
    while (cap < 2 * (size_t)n + 2) cap <<= 1;
    unsigned *key = calloc(cap, sizeof(unsigned)); /* 0 = empty (ids are >= 1) */
    char *flag = calloc(cap, 1);
    long long users = 0, churned = 0;
    for (int i = 0; i < n; i++) {
        unsigned id;
        int f;
        if (scanf("%u %d", &id, &f) != 2) return 1;
        unsigned long long z = id * 0x9E3779B97F4A7C15ULL;
        size_t h = (size_t)((z ^ (z >> 29)) >> 20) & (cap - 1);
        while (key[h] != 0 && key[h] != id) h = (h + 1) & (cap - 1);
        if (key[h] == 0) {
            key[h] = id;
            users++;
        } else if (flag[h] == 0) {
            churned--;              /* the old status no longer counts */
        }
        flag[h] = (char)f;
        if (f == 0) churned++;
    }
    printf("%.6f\n", users ? 100.0 * (double)churned / (double)users : 0.0);
    free(key);
    free(flag);
    return 0;
}
