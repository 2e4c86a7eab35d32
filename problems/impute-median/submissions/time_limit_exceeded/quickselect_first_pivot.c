/* Too slow on sorted prices: textbook quickselect with the first element as the pivot (Lomuto
 * partition). Expected O(n) on shuffled input, O(k^2) when the known prices are already sorted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* k-th smallest (0-based) of a[0..len-1]; reorders a */
static double select_kth(double *a, int len, int k)
{
    int lo = 0, hi = len - 1;
    while (lo < hi) {
        double pivot = a[lo];
        int store = lo;
        for (int i = lo + 1; i <= hi; i++)
            if (a[i] < pivot) {
                store++;
                double t = a[i];
                a[i] = a[store];
                a[store] = t;
            }
        double t = a[lo];
        a[lo] = a[store];
        a[store] = t;
        if (k == store)
            return a[k];
        if (k < store)
            hi = store - 1;
        else
            lo = store + 1;
    }
    return a[k];
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    char (*name)[21] = malloc(sizeof(*name) * (size_t)n);
    double *price = malloc(sizeof(double) * (size_t)n);
    char *missing = malloc((size_t)n);
    double *known = malloc(sizeof(double) * (size_t)n);
    int k = 0;
    for (int i = 0; i < n; i++) {
        char tok[32];
        if (scanf("%20s %31s", name[i], tok) != 2)
            return 1;
        missing[i] = strcmp(tok, "NA") == 0;
        if (!missing[i])
            price[i] = known[k++] = strtod(tok, NULL);
    }
    double median = 0;
    if (k > 0)
        median = (select_kth(known, k, (k - 1) / 2) + select_kth(known, k, k / 2)) / 2;
    for (int i = 0; i < n; i++) {
        if (!missing[i])
            printf("%s %.3f\n", name[i], price[i]);
        else if (k > 0)
            printf("%s %.3f\n", name[i], median);
        else
            printf("%s NA\n", name[i]);
    }
    free(name);
    free(price);
    free(missing);
    free(known);
    return 0;
}
