/* Test generator for first-unique-char.
 * Usage: gen MODE SEED N > file.in   (one line of exactly N characters)
 *   pairs  : every character occurs at least twice (answer None); characters 33..126
 *   end    : like pairs over 33..125, with a single '~' as the very last character
 *   middle : like pairs over 33..125, with a single '~' at position N/2
 *   random : uniform over an alphabet of min(94, 1 + N/3) characters starting at '!'
 *   same   : N copies of 'a'
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

/* Fills s[0..m) so that every character occurs at least twice (m >= 2):
 * m/2 random characters, then a shuffled copy of them, plus one extra copy
 * of the first character when m is odd. */
static void fill_pairs(char *s, long m, int alpha)
{
    long h = m / 2;
    for (long i = 0; i < h; i++)
        s[i] = (char)(33 + rnd(alpha));
    memcpy(s + h, s, (size_t)h);
    for (long i = 2 * h - 1; i > h; i--) {
        long j = h + rnd(i - h + 1);
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
    if (m % 2)
        s[m - 1] = s[0];
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
    char *s = malloc((size_t)n + 1);
    if (strcmp(mode, "pairs") == 0) {
        fill_pairs(s, n, 94);
    } else if (strcmp(mode, "end") == 0) {
        fill_pairs(s, n - 1, 93);
        s[n - 1] = '~';
    } else if (strcmp(mode, "middle") == 0) {
        long m = n / 2;
        fill_pairs(s, n - 1, 93);
        memmove(s + m + 1, s + m, (size_t)(n - 1 - m));
        s[m] = '~';
    } else if (strcmp(mode, "random") == 0) {
        long alpha = 1 + n / 3;
        if (alpha > 94)
            alpha = 94;
        for (long i = 0; i < n; i++)
            s[i] = (char)(33 + rnd(alpha));
    } else if (strcmp(mode, "same") == 0) {
        memset(s, 'a', (size_t)n);
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    fwrite(s, 1, (size_t)n, stdout);
    putchar('\n');
    free(s);
    return 0;
}
