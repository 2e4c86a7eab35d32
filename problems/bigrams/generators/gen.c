/* Test generator for bigrams.
 * Usage: gen MODE SEED LEN > file.in   (writes one line of exactly LEN characters)
 *   mixed : words of 1..10 letters/digits in mixed case, separated by 1..3 spaces,
 *           with punctuation glued on (commas, apostrophes, hyphens) and standalone
 *           punctuation tokens such as "-" or "..."
 *   tiny  : one-letter words "a".."e" (random case) separated by single spaces,
 *           the largest possible number of bigrams
 *   two   : two long words separated by one space
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

static char *out;
static long len, cap;

static void put(char c)
{
    if (len < cap)
        out[len++] = c;
}

static char letter(void)
{
    static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    int r = rnd(100);
    if (r < 70)
        return alnum[rnd(26)];
    if (r < 92)
        return alnum[26 + rnd(26)];
    return alnum[52 + rnd(10)];
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen MODE SEED LEN\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    cap = atol(argv[3]);
    out = malloc(cap + 1);
    static const char *glue[] = {",", ".", "!", "?", ";", ":", "'s", "\"", "(", ")", "-"};
    static const char *alone[] = {"-", "--", "...", "&", "!", "?!", "\"", "(", ")"};
    if (strcmp(mode, "two") == 0) {
        long half = (cap - 1) / 2;
        for (long i = 0; i < half; i++)
            put(rnd(2) ? 'X' : 'y');
        put(' ');
        while (len < cap)
            put((char)('0' + rnd(10)));
    } else if (strcmp(mode, "tiny") == 0) {
        while (len < cap) {
            char c = (char)('a' + rnd(5));
            put(rnd(2) ? c : (char)(c - 'a' + 'A'));
            put(' ');
        }
    } else if (strcmp(mode, "mixed") == 0) {
        while (len < cap) {
            int kind = rnd(100);
            if (kind < 6) {
                const char *p = alone[rnd(9)];
                while (*p)
                    put(*p++);
            } else {
                if (kind < 10)
                    put(glue[rnd(11)][0]);
                int w = 1 + rnd(10);
                for (int i = 0; i < w; i++) {
                    put(letter());
                    if (i + 1 < w && rnd(40) == 0)
                        put(rnd(2) ? '\'' : '-');
                }
                if (rnd(5) == 0) {
                    const char *p = glue[rnd(11)];
                    while (*p)
                        put(*p++);
                }
            }
            int sp = 1 + (rnd(6) == 0) + (rnd(12) == 0);
            for (int i = 0; i < sp; i++)
                put(' ');
        }
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    fwrite(out, 1, (size_t)len, stdout);
    putchar('\n');
    return 0;
}
