/* Mistake: tokens are read with scanf("%63s") into a 64-byte buffer, sized for natural-language
 * words. A longer token is silently cut into 63-character pieces, each taken as a word of its own,
 * though a token may be as long as the whole text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *w;
    long c;
} Entry;

static int by_word(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int by_rank(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->c != y->c)
        return x->c > y->c ? -1 : 1;
    return strcmp(x->w, y->w);
}

int main(void)
{
    long n;
    char buf[64];
    if (scanf("%ld", &n) != 1)
        return 1;
    size_t cap = 1024, nw = 0;
    char **words = malloc(sizeof(char *) * cap);
    while (scanf("%63s", buf) == 1) {
        size_t out = 0;
        for (size_t i = 0; buf[i]; i++) {
            char c = buf[i];
            if (c >= 'A' && c <= 'Z')
                buf[out++] = (char)(c - 'A' + 'a');
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                buf[out++] = c;
        }
        buf[out] = '\0';
        if (out == 0)
            continue;
        if (nw == cap) {
            cap *= 2;
            words = realloc(words, sizeof(char *) * cap);
        }
        words[nw++] = strdup(buf);
    }
    qsort(words, nw, sizeof(char *), by_word);
    Entry *e = malloc(sizeof(Entry) * (nw + 1));
    long d = 0;
    for (size_t k = 0; k < nw;) {
        size_t j = k;
        while (j < nw && strcmp(words[j], words[k]) == 0)
            j++;
        e[d].w = words[k];
        e[d].c = (long)(j - k);
        d++;
        k = j;
    }
    qsort(e, (size_t)d, sizeof(Entry), by_rank);
    long k = n < d ? n : d;
    printf("%ld\n", k);
    for (long t = 0; t < k; t++)
        printf("%s %ld\n", e[t].w, e[t].c);
    return 0;
}
