/* WRONG: treats every day as rainy (rainfall >= 0), so the dry days drag the median down. */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double *v = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    int r = 0;
    char day[16];
    double x;
    for (int i = 0; i < n; i++) {
        if (scanf("%15s %lf", day, &x) != 2) return 1;
        if (x >= 0) v[r++] = x;
    }
    if (r == 0) {
        printf("none\n");
        free(v);
        return 0;
    }
    qsort(v, (size_t)r, sizeof(double), cmp);
    double med = r % 2 ? v[r / 2] : (v[r / 2 - 1] + v[r / 2]) / 2;
    printf("%.3f\n", med);
    free(v);
    return 0;
}
