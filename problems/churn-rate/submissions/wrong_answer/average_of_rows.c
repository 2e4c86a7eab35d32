/* WRONG: the one-liner churn = 1 - mean(active) over all rows, ignoring that a user can have
 * several rows. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long active = 0;
    for (int i = 0; i < n; i++) {
        int id, f;
        if (scanf("%d %d", &id, &f) != 2) return 1;
        active += f;
    }
    printf("%.6f\n", n ? 100.0 * (1.0 - (double)active / n) : 0.0);
    return 0;
}
