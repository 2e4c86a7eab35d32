/* Test generator for palindrome-permutation.
 * Usage:
 *   gen many SEED T TOTAL : T strings of total length about TOTAL (at most TOTAL);
 *                           each uses a small random alphabet and about half are
 *                           built to have a palindromic permutation
 *   gen one SEED N K      : 1 string of length N over codes 33..126 in which exactly
 *                           K distinct characters occur an odd number of times
 *                           (N - K must be even, K <= 94)
 *   gen same SEED N       : 1 string of N copies of 'a'
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

static long rnd(long n)
{
    return (long)(next() % (uint64_t)n);
}

static void shuffle(char *s, long n)
{
    for (long i = n - 1; i > 0; i--) {
        long j = rnd(i + 1);
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

/* Builds a string of length n with exactly k odd-count characters drawn from
 * an alphabet of `alpha` characters starting at `base`. */
static void build(char *s, long n, int k, int base, int alpha)
{
    int pick[94];
    for (int i = 0; i < alpha; i++)
        pick[i] = base + i;
    for (int i = 0; i < k; i++) { /* k distinct characters, once each */
        int j = i + (int)rnd(alpha - i);
        int t = pick[i];
        pick[i] = pick[j];
        pick[j] = t;
        s[i] = (char)pick[i];
    }
    for (long i = k; i + 1 < n; i += 2)
        s[i] = s[i + 1] = (char)(base + rnd(alpha));
    shuffle(s, n);
}

int main(int argc, char **argv)
{
    if (argc != 5 && !(argc == 4 && strcmp(argv[1], "same") == 0)) {
        fprintf(stderr, "usage: gen many SEED T TOTAL | one SEED N K | same SEED N\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    if (strcmp(mode, "same") == 0) {
        long n = atol(argv[3]);
        printf("1\n");
        for (long i = 0; i < n; i++)
            putchar('a');
        putchar('\n');
    } else if (strcmp(mode, "one") == 0) {
        long n = atol(argv[3]);
        int k = atoi(argv[4]);
        char *s = malloc((size_t)n + 1);
        build(s, n, k, 33, 94);
        printf("1\n");
        fwrite(s, 1, (size_t)n, stdout);
        putchar('\n');
        free(s);
    } else if (strcmp(mode, "many") == 0) {
        long t = atol(argv[3]), total = atol(argv[4]);
        long avg = total / t;
        char *s = malloc((size_t)(2 * avg + 2));
        long used = 0;
        printf("%ld\n", t);
        for (long i = 0; i < t; i++) {
            long left = total - used;
            long n = rnd(2 * avg + 1);
            if (n > left)
                n = left;
            int alpha = 1 + (int)rnd(rnd(4) == 0 ? 94 : 5);
            int base = 33 + (int)rnd(94 - alpha + 1);
            int k;
            if (rnd(2))
                k = (int)(n % 2); /* palindromic permutation exists */
            else
                k = (int)(n % 2) + 2 * (1 + (int)rnd(3)); /* two or more odd counts */
            if (k > alpha)
                k = alpha - ((alpha - (int)(n % 2)) % 2);
            if (k > n)
                k = (int)(n % 2);
            build(s, n, k, base, alpha);
            fwrite(s, 1, (size_t)n, stdout);
            putchar('\n');
            used += n;
        }
        free(s);
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    return 0;
}
