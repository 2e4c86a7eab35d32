/*
 * Only exponents whose power stays <= R can matter, so there are at most 40 x 28 candidates however
 * big N is. Multiply only after checking that the product cannot pass R (R / 3, R / 5): no overflow.
 */
#include <stdio.h>

int main(void)
{
    long long L, R, N;
    long long p3 = 1;
    int count = 0;
    static int pi[4096], pj[4096];

    if (scanf("%lld %lld %lld", &L, &R, &N) != 3)
        return 1;
    for (long long i = 0; i < N && p3 <= R; i++) {
        long long q = p3;

        for (long long j = 0; j < N && q <= R; j++) {
            if (q >= L) {
                pi[count] = (int)i;
                pj[count] = (int)j;
                count++;
            }
            if (q > R / 5)
                break;
            q *= 5;
        }
        if (p3 > R / 3)
            break;
        p3 *= 3;
    }
    printf("%d\n", count);
    for (int k = 0; k < count; k++)
        printf("%d %d\n", pi[k], pj[k]);
    return 0;
}
