/* Mistake: ids go up to 10^9, too many for a direct table, so the candidate indexes a table of
 * 2^24 flags by the id's low 24 bits and assumes no two users share them. Ids that agree in those
 * bits (1 and 16777217) are merged into one user. */
#include <stdio.h>
#include <stdlib.h>

#define SLOTS (1u << 24)

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    signed char *flag = malloc(SLOTS); /* -1 = unseen */
    if (!flag)
        return 1;
    for (unsigned i = 0; i < SLOTS; i++)
        flag[i] = -1;
    long long users = 0, churned = 0;
    for (int i = 0; i < n; i++) {
        unsigned id;
        int f;
        if (scanf("%u %d", &id, &f) != 2)
            return 1;
        unsigned s = id & (SLOTS - 1);
        if (flag[s] < 0)
            users++;
        else if (flag[s] == 0)
            churned--;
        flag[s] = (signed char)f;
        if (f == 0)
            churned++;
    }
    printf("%.6f\n", users ? 100.0 * (double)churned / (double)users : 0.0);
    free(flag);
    return 0;
}
