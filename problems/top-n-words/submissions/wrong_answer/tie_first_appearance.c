/* Mistake: breaks ties in the count by first appearance in the text instead of
 * alphabetically (like Counter.most_common). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *w;
    long first; /* index of the first occurrence */
    long c;
} Entry;

static int by_word_then_pos(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    int r = strcmp(x->w, y->w);
    if (r)
        return r;
    return (x->first > y->first) - (x->first < y->first);
}

static int by_count_then_first(const void *a, const void *b)
{
    const Entry *x = a, *y = b;
    if (x->c != y->c)
        return x->c > y->c ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
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
    char *norm = malloc(len + 2);
    Entry *words = malloc(sizeof(Entry) * (len / 2 + 2));
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
            words[nw].w = norm + begin;
            words[nw].first = nw;
            words[nw].c = 0;
            nw++;
        }
    }
    qsort(words, (size_t)nw, sizeof(Entry), by_word_then_pos);
    long d = 0;
    for (long k = 0; k < nw;) {
        long j = k;
        while (j < nw && strcmp(words[j].w, words[k].w) == 0)
            j++;
        words[d].w = words[k].w;
        words[d].first = words[k].first;
        words[d].c = j - k;
        d++;
        k = j;
    }
    qsort(words, (size_t)d, sizeof(Entry), by_count_then_first);
    long k = n < d ? n : d;
    printf("%ld\n", k);
    for (long t = 0; t < k; t++)
        printf("%s %ld\n", words[t].w, words[t].c);
    free(words);
    free(norm);
    free(text);
    return 0;
}
