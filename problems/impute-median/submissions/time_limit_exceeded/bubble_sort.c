/* Too slow: bubble sort of the known prices, O(k^2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    char (*name)[21] = malloc(sizeof(*name) * (size_t)n);
    double *price = malloc(sizeof(double) * (size_t)n);
    char *missing = malloc((size_t)n);
    double *known = malloc(sizeof(double) * (size_t)n);
    int k = 0;
    for (int i = 0; i < n; i++) {
        char tok[32];
        if (scanf("%20s %31s", name[i], tok) != 2) return 1;
        missing[i] = strcmp(tok, "NA") == 0;
        if (!missing[i]) price[i] = known[k++] = strtod(tok, NULL);
    }
    for (int i = 0; i < k; i++)
        for (int j = 0; j + 1 < k - i; j++)
            if (known[j] > known[j + 1]) {
                double t = known[j];
                known[j] = known[j + 1];
                known[j + 1] = t;
            }
    double median = k > 0 ? (known[(k - 1) / 2] + known[k / 2]) / 2 : 0;
    for (int i = 0; i < n; i++) {
        if (!missing[i]) printf("%s %.3f\n", name[i], price[i]);
        else if (k > 0) printf("%s %.3f\n", name[i], median);
        else printf("%s NA\n", name[i]);
    }
    free(name); free(price); free(missing); free(known);
    return 0;
}
