#include "solution.h"
#include <stdlib.h>
#include <string.h>

/* Mistake: every non-alphanumeric character separates words, so "don't"
 * becomes the two words "don" and "t" instead of "dont". */
static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char **bigrams(const char *sentence, int *returnSize)
{
    size_t n = strlen(sentence);
    char **words = malloc(sizeof(char *) * (n / 2 + 2));
    int w = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && !is_alnum(sentence[i]))
            i++;
        if (i >= n)
            break;
        size_t b = i;
        while (i < n && is_alnum(sentence[i]))
            i++;
        char *s = malloc(i - b + 1);
        for (size_t j = b; j < i; j++) {
            char c = sentence[j];
            s[j - b] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        s[i - b] = '\0';
        words[w++] = s;
    }
    int k = w >= 2 ? w - 1 : 0;
    char **res = malloc(sizeof(char *) * (k > 0 ? k : 1));
    for (int j = 0; j < k; j++) {
        size_t a = strlen(words[j]), c = strlen(words[j + 1]);
        res[j] = malloc(a + c + 2);
        memcpy(res[j], words[j], a);
        res[j][a] = ' ';
        memcpy(res[j] + a + 1, words[j + 1], c + 1);
    }
    for (int j = 0; j < w; j++)
        free(words[j]);
    free(words);
    *returnSize = k;
    return res;
}
