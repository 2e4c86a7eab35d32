/* Deterministic generator for the large churn-rate tests (see README.md for the commands).
 *   gen n users maxId activePercent seed
 * Picks `users` distinct ids in [1, maxId] (maxId >= users), then writes n rows: the first
 * min(n, users) rows list every user once in random order, the remaining rows repeat random
 * users. Every flag is 1 with probability activePercent %.
 */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long state;

static unsigned long long next64(void) { /* splitmix64 */
    unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static long long range(long long lo, long long hi) { /* uniform in [lo, hi] */
    return lo + (long long)(next64() % (unsigned long long)(hi - lo + 1));
}

static int cmpLL(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: gen n users maxId activePercent seed\n"); return 1; }
    int n = atoi(argv[1]), users = atoi(argv[2]);
    long long maxId = atoll(argv[3]);
    int active = atoi(argv[4]);
    state = strtoull(argv[5], NULL, 10);
    /* distinct ids: draw with replacement until enough distinct values (maxId >> users or
     * maxId == users handled by the sort-and-dedupe loop) */
    long long *id = malloc(sizeof(long long) * (size_t)users);
    int have = 0;
    if (maxId == users) {
        for (int i = 0; i < users; i++) id[i] = i + 1;
        have = users;
    }
    while (have < users) {
        for (int i = have; i < users; i++) id[i] = range(1, maxId);
        qsort(id, (size_t)users, sizeof(long long), cmpLL);
        have = 0;
        for (int i = 0; i < users; i++)
            if (i == 0 || id[i] != id[i - 1]) id[have++] = id[i];
    }
    for (int i = users - 1; i > 0; i--) { /* shuffle */
        int j = (int)range(0, i);
        long long t = id[i]; id[i] = id[j]; id[j] = t;
    }
    printf("%d\n", n);
    for (int i = 0; i < n; i++) {
        long long u = i < users ? id[i] : id[range(0, users - 1)];
        printf("%lld %d\n", u, range(0, 99) < active ? 1 : 0);
    }
    free(id);
    return 0;
}
