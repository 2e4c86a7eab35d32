/* Mistake: multiplies first and compares after (q *= 5 while q <= R), in unsigned 64-bit to "get
 * more room". When R is near 9 * 10^18, 5 * q passes 2^64 and wraps to a small number, which then
 * looks like a product inside [L, R]. */
#include <stdio.h>

int main(void)
{
    unsigned long long L, R, N;
    int count = 0;
    static int pi[1 << 16], pj[1 << 16];

    if (scanf("%llu %llu %llu", &L, &R, &N) != 3)
        return 1;
    unsigned long long p3 = 1;

    for (unsigned long long i = 0; i < N && p3 <= R; i++, p3 *= 3) {
        unsigned long long q = p3;

        for (unsigned long long j = 0; j < N && q <= R; j++, q *= 5) {
            if (q >= L && count < (1 << 16)) {
                pi[count] = (int)i;
                pj[count] = (int)j;
                count++;
            }
        }
    }
    printf("%d\n", count);
    for (int k = 0; k < count; k++)
        printf("%d %d\n", pi[k], pj[k]);
    return 0;
}
