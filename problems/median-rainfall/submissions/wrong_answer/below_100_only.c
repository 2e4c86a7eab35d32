/* WRONG: the counting array covers 0.01 to 99.99 only (10000 slots, indices 0..9999), and values
 * outside it are skipped as "impossible": a rainfall of exactly 100.00 is lost. */
#include <stdio.h>

static int count[10000];

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    char day[16];
    int whole, frac;
    long long rainy = 0;
    for (int i = 0; i < n; i++) {
        if (scanf("%15s %d.%d", day, &whole, &frac) != 3) return 1;
        int v = whole * 100 + frac;
        if (v > 0 && v < 10000) { count[v]++; rainy++; }
    }
    if (rainy == 0) {
        printf("none\n");
        return 0;
    }
    /* 1-based positions of the two middle values (equal when rainy is odd) */
    long long lo = (rainy + 1) / 2, hi = rainy / 2 + 1, seen = 0;
    int a = -1, b = -1;
    for (int v = 1; v < 10000 && b < 0; v++) {
        seen += count[v];
        if (a < 0 && seen >= lo) a = v;
        if (b < 0 && seen >= hi) b = v;
    }
    int thousandths = (a + b) * 5; /* (a + b) / 2 hundredths */
    printf("%d.%03d\n", thousandths / 1000, thousandths % 1000);
    return 0;
}
