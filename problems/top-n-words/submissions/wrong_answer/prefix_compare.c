/* Mistake: words are compared on their first 32 characters only ("no English word is
 * longer"), both to group equal words and to break ties. Words that share a 32-character prefix
 * are counted as one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *w;
    long c;
} Entry;

static int by_word(const void *a, const void *b)
{
    return strncmp(*(const char *const *)a, *(const char *const *)b, 32);
}

static int by_rank(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->c != y->c)
        return x->c > y->c ? -1 : 1;
    return strncmp(x->w, y->w, 32);
}

static int is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int main(void)
{
    long n;
    if (scanf("%ld", &n) != 1)
        return 1;
    /* read the rest of the input */
    size_t cap = 1 << 20, len = 0;
    char *text = malloc(cap + 1);
    size_t r;
    while ((r = fread(text + len, 1, cap - len, stdin)) > 0) {
        len += r;
        if (len == cap) {
            cap *= 2;
            text = realloc(text, cap + 1);
        }
    }
    text[len] = '\0';
    /* tokens split at whitespace, non-alphanumerics deleted, lowercased, into norm */
    char *norm = malloc(len + 2);
    char **words = malloc(sizeof(char *) * (len / 2 + 2));
    long nw = 0;
    size_t i = 0, out = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++;
        if (i >= len)
            break;
        size_t begin = out;
        while (i < len && text[i] != ' ' && text[i] != '\n') {
            char c = text[i++];
            if (is_alnum(c))
                norm[out++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        if (out > begin) {
            norm[out++] = '\0';
            words[nw++] = norm + begin;
        }
    }
    qsort(words, (size_t)nw, sizeof(char *), by_word);
    Entry *e = malloc(sizeof(Entry) * (size_t)(nw + 1));
    long d = 0;
    for (long k = 0; k < nw;) {
        long j = k;
        while (j < nw && strncmp(words[j], words[k], 32) == 0)
            j++;
        e[d].w = words[k];
        e[d].c = j - k;
        d++;
        k = j;
    }
    qsort(e, (size_t)d, sizeof(Entry), by_rank);
    long k = n < d ? n : d;
    printf("%ld\n", k);
    for (long t = 0; t < k; t++)
        printf("%s %ld\n", e[t].w, e[t].c);
    free(e);
    free(words);
    free(norm);
    free(text);
    return 0;
}
