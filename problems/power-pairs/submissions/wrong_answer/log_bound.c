/* Mistake: bounds the exponents with logarithms, i <= log(R) / log(3) and j <= log(R / 3^i) /
 * log(5), truncated to int. The quotient of two rounded logarithms can land just below the exact
 * integer: log(3^37) / log(3) comes out as 36.99999..., so 3^37 itself is missed when R = 3^37. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    long long L, R, N;
    static int pi[4096], pj[4096];
    int count = 0;

    if (scanf("%lld %lld %lld", &L, &R, &N) != 3)
        return 1;
    if (R < 1 || N < 1) {
        printf("0\n");
        return 0;
    }
    long long max_i = (long long)(log((double)R) / log(3.0));
    long long p3 = 1;

    for (long long i = 0; i <= max_i && i < N; i++) {
        long long max_j = (long long)(log((double)R / (double)p3) / log(5.0));
        long long q = p3;

        for (long long j = 0; j <= max_j && j < N; j++) {
            if (q >= L && q <= R) {
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
