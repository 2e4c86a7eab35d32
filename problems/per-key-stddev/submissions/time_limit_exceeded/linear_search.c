/* Brute force: look every key up by scanning the list of groups seen so far. O(n * groups). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char key[9];
    long long count;
    double mean, m2;
} Group;

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
        int g = 0;
        while (g < ngroups && strcmp(groups[g].key, key) != 0)
            g++;
        if (g == ngroups) {
            strcpy(groups[g].key, key);
            groups[g].count = 0;
            groups[g].mean = groups[g].m2 = 0.0;
            ngroups++;
        }
        double x = value;
        double delta = x - groups[g].mean;
        groups[g].count++;
        groups[g].mean += delta / groups[g].count;
        groups[g].m2 += delta * (x - groups[g].mean);
    }
    for (int i = 0; i < ngroups; i++)
        printf("%s %.6f\n", groups[i].key, sqrt(groups[i].m2 / groups[i].count));
    free(groups);
    return 0;
}
