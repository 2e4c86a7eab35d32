/* Test generator for digit-sum.
 * Usage: gen MODE SEED N > file.in
 *   many : N numbers in random formats (optional sign, integer and/or fraction part,
 *          optional exponent), each at most 20 characters
 *   nines: 1 number "9...9.9...9" of exactly N characters (largest digit sum)
 *   long : 1 number of exactly N characters: sign, random mantissa with a point,
 *          and a long exponent "e-..." / "E+..."
 * Deterministic: splitmix64 seeded with SEED, no rand()/time(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static uint64_t st;

static uint64_t next(void)
{
    uint64_t z = (st += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int rnd(int n)
{
    return (int)(next() % (uint64_t)n);
}

static void digits(int k)
{
    for (int i = 0; i < k; i++)
        putchar('0' + rnd(10));
}

static void one_short(void)
{
    int s = rnd(4);
    if (s == 1)
        putchar('-');
    else if (s == 2)
        putchar('+');
    switch (rnd(4)) {
    case 0: /* D+ */
        digits(1 + rnd(7));
        break;
    case 1: /* D+. */
        digits(1 + rnd(7));
        putchar('.');
        break;
    case 2: /* D+.D+ */
        digits(1 + rnd(7));
        putchar('.');
        digits(1 + rnd(6));
        break;
    default: /* .D+ */
        putchar('.');
        digits(1 + rnd(7));
        break;
    }
    if (rnd(3) == 0) {
        putchar(rnd(2) ? 'e' : 'E');
        int es = rnd(3);
        if (es == 1)
            putchar('-');
        else if (es == 2)
            putchar('+');
        digits(1 + rnd(3));
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen MODE SEED N\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long n = atol(argv[3]);
    if (strcmp(mode, "many") == 0) {
        printf("%ld\n", n);
        for (long i = 0; i < n; i++)
            one_short();
    } else if (strcmp(mode, "nines") == 0) {
        printf("1\n");
        long half = n / 2;
        for (long i = 0; i < half; i++)
            putchar('9');
        putchar('.');
        for (long i = half + 1; i < n; i++)
            putchar('9');
        putchar('\n');
    } else if (strcmp(mode, "long") == 0) {
        printf("1\n");
        putchar('-');
        long mant = n * 3 / 5; /* digits before the exponent marker, point included */
        long intp = mant / 3;
        digits((int)intp);
        putchar('.');
        digits((int)(mant - intp - 1));
        putchar(rnd(2) ? 'e' : 'E');
        putchar(rnd(2) ? '-' : '+');
        digits((int)(n - 1 - mant - 2));
        putchar('\n');
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    return 0;
}
