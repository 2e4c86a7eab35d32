/* Brute force: every pair 0 <= i, j < N, with a product that saturates instead of overflowing.
 * Correct, but N^2 steps: hopeless for N = 10^9. */
#include <stdio.h>

#define BIG 9200000000000000000LL /* above every R */

static long long times(long long a, long long b)
{
    return a > BIG / b ? BIG : a * b;
}

int main(void)
{
    long long L, R, N;
    long long p3 = 1;
    int count = 0;
    static int pi[4096], pj[4096];

    if (scanf("%lld %lld %lld", &L, &R, &N) != 3)
        return 1;
    for (long long i = 0; i < N; i++) {
        long long q = p3;

        for (long long j = 0; j < N; j++) {
            if (q >= L && q <= R && count < 4096) {
                pi[count] = (int)i;
                pj[count] = (int)j;
                count++;
            }
            q = times(q, 5);
        }
        p3 = times(p3, 3);
    }
    printf("%d\n", count);
    for (int k = 0; k < count; k++)
        printf("%d %d\n", pi[k], pj[k]);
    return 0;
}
