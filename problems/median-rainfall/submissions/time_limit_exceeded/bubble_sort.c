/* Too slow: bubble sort of the rainy values, O(r^2). */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    double *v = malloc(sizeof(double) * (size_t)(n > 0 ? n : 1));
    int r = 0;
    char day[16];
    double x;
    for (int i = 0; i < n; i++) {
        if (scanf("%15s %lf", day, &x) != 2) return 1;
        if (x > 0) v[r++] = x;
    }
    if (r == 0) {
        printf("none\n");
        free(v);
        return 0;
    }
    for (int i = 0; i < r; i++)
        for (int j = 0; j + 1 < r - i; j++)
            if (v[j] > v[j + 1]) {
                double t = v[j];
                v[j] = v[j + 1];
                v[j + 1] = t;
            }
    double med = r % 2 ? v[r / 2] : (v[r / 2 - 1] + v[r / 2]) / 2;
    printf("%.3f\n", med);
    free(v);
    return 0;
}
