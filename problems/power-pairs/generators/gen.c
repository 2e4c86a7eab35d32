/*
 * power-pairs generator. Deterministic: splitmix64 seeded with SEED.
 *
 *   gen max                 the largest input: L = 1, R = 9 * 10^18, N = 10^9
 *   gen random SEED NMAX    L and R taken at, or one off, two random products 3^i * 5^j, and N
 *                           uniform in [1, NMAX]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_R 9000000000000000000LL

static unsigned long long state;

static unsigned long long splitmix64(void)
{
    unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* uniform in [lo, hi] */
static long long between(long long lo, long long hi)
{
    return lo + (long long)(splitmix64() % (unsigned long long)(hi - lo + 1));
}

/* a random product 3^i * 5^j <= MAX_R, moved by -1, 0 or +1 */
static long long near_product(void)
{
    long long p = 1;
    int i = (int)between(0, 39), j = (int)between(0, 27);

    while (i-- > 0 && p <= MAX_R / 3)
        p *= 3;
    while (j-- > 0 && p <= MAX_R / 5)
        p *= 5;
    p += between(-1, 1);
    return p < 0 ? 0 : p > MAX_R ? MAX_R : p;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "max") == 0) {
        printf("1 %lld 1000000000\n", MAX_R);
    } else if (argc == 4 && strcmp(argv[1], "random") == 0) {
        long long a, b;

        state = strtoull(argv[2], NULL, 10);
        a = near_product();
        b = near_product();
        printf("%lld %lld %lld\n", a < b ? a : b, a < b ? b : a, between(1, atoll(argv[3])));
    } else {
        fprintf(stderr, "usage: gen max | gen random SEED NMAX\n");
        return 2;
    }
    return 0;
}
