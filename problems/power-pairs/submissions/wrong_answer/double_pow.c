/* Mistake: computes 3^i * 5^j with pow() in double. Above 2^53 a double cannot tell 3^37 from
 * 3^37 + 1, so products right next to L or R land on the wrong side. */
#include <math.h>
#include <stdio.h>

int main(void)
{
    long long L, R, N;
    int count = 0;
    static int pi[4096], pj[4096];

    if (scanf("%lld %lld %lld", &L, &R, &N) != 3)
        return 1;
    for (long long i = 0; i < N && pow(3, (double)i) <= (double)R; i++) {
        for (long long j = 0; j < N; j++) {
            double v = pow(3, (double)i) * pow(5, (double)j);

            if (v > (double)R)
                break;
            if (v >= (double)L) {
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
