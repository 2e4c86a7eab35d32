/* Test generator for top-n-words.
 * Usage: gen MODE SEED N BYTES > file.in
 *   writes "N" on the first line, then text lines of at most ~80 characters with at
 *   most BYTES bytes of text in total.
 *   distinct : random words of 3..7 letters, so almost every word is distinct
 *   zipf     : words drawn log-uniformly from a vocabulary of 50000 words (a few very
 *              frequent words, a long tail of ties), with random capitalisation,
 *              glued punctuation and standalone punctuation tokens
 *   ties     : a vocabulary of BYTES/40 words, each used exactly the same number of
 *              times, shuffled (every count ties)
 *   same     : the word "The"/"the"/"THE," repeated
 * Deterministic: splitmix64 seeded with SEED, no rand()/time(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <math.h>

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

static double unif(void)
{
    return (double)(next() >> 11) / 9007199254740992.0;
}

static long budget, used, linelen;

/* Emits one token followed by a space or a newline; returns 0 when the budget is full. */
static int emit(const char *tok)
{
    long l = (long)strlen(tok);
    if (used + l + 1 > budget)
        return 0;
    fputs(tok, stdout);
    used += l + 1;
    linelen += l + 1;
    if (linelen > 70 + rnd(10)) {
        putchar('\n');
        linelen = 0;
    } else {
        putchar(' ');
    }
    return 1;
}

static void finish(void)
{
    if (linelen > 0)
        putchar('\n');
}

/* Word number i of a fixed vocabulary: base-26 digits of i, length 4..6. */
static void vocab_word(long i, char *w)
{
    int l = 4 + (int)(i % 3);
    long x = i;
    for (int k = l - 1; k >= 0; k--) {
        w[k] = (char)('a' + x % 26);
        x /= 26;
    }
    w[l] = '\0';
}

static void decorate(char *out, const char *w)
{
    static const char *glue[] = {",", ".", "!", "?", ";", ":", "'s", "\"", ")"};
    char tmp[64];
    strcpy(tmp, w);
    int r = (int)rnd(10);
    if (r == 0)
        tmp[0] = (char)(tmp[0] - 'a' + 'A');
    else if (r == 1)
        for (char *p = tmp; *p; p++)
            *p = (char)(*p - 'a' + 'A');
    if (rnd(8) == 0)
        sprintf(out, "%s%s", tmp, glue[rnd(9)]);
    else if (rnd(30) == 0)
        sprintf(out, "(%s", tmp);
    else
        strcpy(out, tmp);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: gen MODE SEED N BYTES\n");
        return 1;
    }
    const char *mode = argv[1];
    st = strtoull(argv[2], NULL, 10);
    long n = atol(argv[3]);
    budget = atol(argv[4]) - 1; /* keep one byte for the final newline */
    printf("%ld\n", n);
    char w[64], d[80];
    if (strcmp(mode, "distinct") == 0) {
        for (;;) {
            int l = 3 + (int)rnd(5);
            for (int k = 0; k < l; k++)
                w[k] = (char)('a' + rnd(26));
            w[l] = '\0';
            decorate(d, w);
            if (!emit(d))
                break;
        }
    } else if (strcmp(mode, "zipf") == 0) {
        const long V = 50000;
        for (;;) {
            if (rnd(40) == 0) {
                if (!emit(rnd(2) ? "-" : "..."))
                    break;
                continue;
            }
            long idx = (long)floor(pow((double)V, unif())) - 1;
            vocab_word(idx * 7919 % V, w);
            decorate(d, w);
            if (!emit(d))
                break;
        }
    } else if (strcmp(mode, "ties") == 0) {
        long v = budget / 40, reps = 0;
        /* each word costs at most 7 bytes (6 letters + separator); fit reps copies */
        reps = budget / (v * 7);
        if (reps < 1)
            reps = 1;
        long total = v * reps;
        long *order = malloc(sizeof(long) * (size_t)total);
        for (long i = 0; i < total; i++)
            order[i] = i % v;
        for (long i = total - 1; i > 0; i--) {
            long j = rnd(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (long i = 0; i < total; i++) {
            vocab_word(order[i] * 7919 % v, w);
            if (!emit(w)) {
                fprintf(stderr, "budget too small\n");
                return 1;
            }
        }
        free(order);
    } else if (strcmp(mode, "same") == 0) {
        static const char *forms[] = {"The", "the", "THE,", "the."};
        while (emit(forms[rnd(4)]))
            ;
    } else {
        fprintf(stderr, "unknown mode\n");
        return 1;
    }
    finish();
    return 0;
}
