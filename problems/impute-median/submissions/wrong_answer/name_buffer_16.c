/* Mistake: names kept in 16-byte buffers and read with %15s, "cheese names are short"; a
 * name of 16 to 20 characters is cut, and the rest of it is read as the price. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng = 88172645463325252ULL;
static unsigned long long xorshift(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* k-th smallest (0-based) of a[0..len-1]; reorders a */
static double select_kth(double *a, int len, int k) {
    int lo = 0, hi = len - 1;
    while (lo < hi) {
        double pivot = a[lo + (int)(xorshift() % (unsigned long long)(hi - lo + 1))];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                double t = a[i]; a[i] = a[j]; a[j] = t;
                i++; j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else return a[k];
    }
    return a[k];
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    char (*name)[16] = malloc(sizeof(*name) * (size_t)n);
    double *price = malloc(sizeof(double) * (size_t)n);
    char *missing = malloc((size_t)n);
    double *known = malloc(sizeof(double) * (size_t)n);
    int k = 0;
    for (int i = 0; i < n; i++) {
        char tok[32];
        if (scanf("%15s %31s", name[i], tok) != 2) return 1;
        missing[i] = strcmp(tok, "NA") == 0;
        if (!missing[i]) price[i] = known[k++] = strtod(tok, NULL);
    }
    double median = 0;
    if (k > 0) {
        double a = select_kth(known, k, (k - 1) / 2);
        double b = select_kth(known, k, k / 2);
        median = (a + b) / 2;
    }
    for (int i = 0; i < n; i++) {
        if (!missing[i]) printf("%s %.3f\n", name[i], price[i]);
        else if (k > 0) printf("%s %.3f\n", name[i], median);
        else printf("%s NA\n", name[i]);
    }
    free(name); free(price); free(missing); free(known);
    return 0;
}
