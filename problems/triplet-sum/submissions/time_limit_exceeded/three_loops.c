/* Brute force: every triple of positions i < j < l, O(n^3); distinct triplets kept in a list. */
#include <stdio.h>
#include <stdlib.h>

struct triplet {
    long long x, y, z;
};

static int cmp_triplet(const void *pa, const void *pb)
{
    const struct triplet *a = pa, *b = pb;

    if (a->x != b->x)
        return (a->x > b->x) - (a->x < b->x);
    if (a->y != b->y)
        return (a->y > b->y) - (a->y < b->y);
    return (a->z > b->z) - (a->z < b->z);
}

int main(void)
{
    int n;
    long long k;
    long long *a;
    struct triplet *found;
    size_t count = 0, cap = 1024;

    if (scanf("%d %lld", &n, &k) != 2)
        return 1;
    a = malloc(sizeof *a * (size_t)(n > 0 ? n : 1));
    found = malloc(sizeof *found * cap);
    if (!a || !found)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &a[i]) != 1)
            return 1;
    for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
            for (int l = j + 1; l < n; l++) {
                if (a[i] + a[j] + a[l] == k) {
                    long long v[3] = {a[i], a[j], a[l]};
                    struct triplet t;
                    size_t s;

                    /* sort the three values */
                    for (int p = 0; p < 2; p++)
                        for (int q = 0; q < 2 - p; q++)
                            if (v[q] > v[q + 1]) {
                                long long tmp = v[q];

                                v[q] = v[q + 1];
                                v[q + 1] = tmp;
                            }
                    t.x = v[0];
                    t.y = v[1];
                    t.z = v[2];
                    for (s = 0; s < count; s++)
                        if (cmp_triplet(&found[s], &t) == 0)
                            break;
                    if (s < count)
                        continue;
                    if (count == cap) {
                        cap *= 2;
                        found = realloc(found, sizeof *found * cap);
                        if (!found)
                            return 1;
                    }
                    found[count++] = t;
                }
            }
        }
    }
    qsort(found, count, sizeof *found, cmp_triplet);
    printf("%zu\n", count);
    for (size_t s = 0; s < count; s++)
        printf("%lld %lld %lld\n", found[s].x, found[s].y, found[s].z);
    free(a);
    free(found);
    return 0;
}
