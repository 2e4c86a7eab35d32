/* Mistake: each word is normalised into a 64-byte buffer before it is stored, sized for
 * natural-language words; a longer token is cut at 63 characters, though one token may fill the
 * whole sentence. */
#include "solution.h"
#include <stdlib.h>
#include <string.h>

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char **bigrams(const char *sentence, int *returnSize)
{
    size_t n = strlen(sentence);
    char *buf = malloc(n + 1);          /* normalised words, each NUL-terminated */
    size_t *start = malloc(sizeof(size_t) * (n / 2 + 2));
    size_t *len = malloc(sizeof(size_t) * (n / 2 + 2));
    size_t used = 0;
    int words = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && sentence[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t begin = used;
        while (i < n && sentence[i] != ' ') {
            char c = sentence[i++];
            if (is_alnum(c) && used - begin < 63)
                buf[used++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        if (used > begin) { /* a token of punctuation only is dropped */
            start[words] = begin;
            len[words] = used - begin;
            buf[used++] = '\0';
            words++;
        }
    }
    int k = words >= 2 ? words - 1 : 0;
    char **res = malloc(sizeof(char *) * (k > 0 ? k : 1));
    for (int w = 0; w < k; w++) {
        size_t a = len[w], b = len[w + 1];
        char *s = malloc(a + b + 2);
        memcpy(s, buf + start[w], a);
        s[a] = ' ';
        memcpy(s + a + 1, buf + start[w + 1], b);
        s[a + 1 + b] = '\0';
        res[w] = s;
    }
    free(buf);
    free(start);
    free(len);
    *returnSize = k;
    return res;
}
