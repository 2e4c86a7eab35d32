/* Naive: a helper returns the k-th word by scanning the sentence from its start, and each bigram
 * asks for words w and w + 1. Right, but O(words * length): about 10^11 steps on a sentence of
 * 250000 one-letter words. */
#include "solution.h"
#include <stdlib.h>
#include <string.h>

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Copies the k-th word (normalised) into out, returns its length, or -1 when there is none. */
static long nth_word(const char *s, long k, char *out)
{
    long w = 0;
    size_t i = 0;
    while (s[i]) {
        while (s[i] == ' ')
            i++;
        if (!s[i])
            break;
        long len = 0;
        while (s[i] && s[i] != ' ') {
            char c = s[i++];
            if (is_alnum(c)) {
                if (w == k)
                    out[len] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
                len++;
            }
        }
        if (len > 0) {
            if (w == k)
                return len;
            w++;
        }
    }
    return -1;
}

char **bigrams(const char *sentence, int *returnSize)
{
    size_t n = strlen(sentence);
    char *first = malloc(n + 1), *second = malloc(n + 1);
    int cap = 16, k = 0;
    char **res = malloc(sizeof(char *) * (size_t)cap);
    long a = nth_word(sentence, 0, first);
    for (long w = 1; a >= 0; w++) {
        long b = nth_word(sentence, w, second);
        if (b < 0)
            break;
        if (k == cap) {
            cap *= 2;
            res = realloc(res, sizeof(char *) * (size_t)cap);
        }
        char *s = malloc((size_t)(a + b + 2));
        memcpy(s, first, (size_t)a);
        s[a] = ' ';
        memcpy(s + a + 1, second, (size_t)b);
        s[a + 1 + b] = '\0';
        res[k++] = s;
        memcpy(first, second, (size_t)b);
        a = b;
    }
    free(first);
    free(second);
    *returnSize = k;
    return res;
}
