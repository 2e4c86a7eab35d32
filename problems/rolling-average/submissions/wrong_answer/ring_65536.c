/* WRONG: keeps only the last 65536 days in a ring buffer ("windows are a few weeks long"), indexed
 * by i & 65535. For w > 65536 the day leaving the window has already been overwritten, so the wrong
 * value is subtracted. */
#include <stdio.h>

#define RING 65536

static long long ring[RING];

int main(void) {
    int n, w;
    if (scanf("%d %d", &n, &w) != 2) return 1;
    long long sum = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1) return 1;
        sum += x;
        if (i >= w) sum -= ring[(i - w) & (RING - 1)];
        ring[i & (RING - 1)] = x;
        if (i + 1 >= w) printf("%.6f\n", (double)sum / w);
        else printf("-\n");
    }
    return 0;
}
