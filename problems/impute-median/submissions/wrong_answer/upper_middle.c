/* WRONG: for an even number of known prices takes the upper middle one instead of the average
 * of the two middle ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static void printThousandths(long long v) { printf("%lld.%03lld\n", v / 1000, v % 1000); }

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    char (*name)[21] = malloc(sizeof(*name) * (size_t)n);
    long long *cents = malloc(sizeof(long long) * (size_t)n); /* -1 = missing */
    long long *known = malloc(sizeof(long long) * (size_t)n);
    int k = 0;
    for (int i = 0; i < n; i++) {
        char price[32];
        if (scanf("%20s %31s", name[i], price) != 2) return 1;
        if (strcmp(price, "NA") == 0) {
            cents[i] = -1;
        } else {
            char *dot = strchr(price, '.');
            cents[i] = atoll(price) * 100 + atoll(dot + 1);
            known[k++] = cents[i];
        }
    }
    long long median = -1; /* in thousandths */
    if (k > 0) {
        qsort(known, (size_t)k, sizeof(long long), cmp);
        median = known[k / 2] * 10;
    }
    for (int i = 0; i < n; i++) {
        printf("%s ", name[i]);
        if (cents[i] >= 0) printThousandths(cents[i] * 10);
        else if (median >= 0) printThousandths(median);
        else printf("NA\n");
    }
    free(name); free(cents); free(known);
    return 0;
}
