/* Correct but slow: each word is looked up by a linear scan of the distinct
 * words seen so far, and the top N are picked by repeatedly scanning for the
 * best remaining entry. O(W * D + N * D). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    char **word = malloc(sizeof(char *) * (len / 2 + 2));
    long *count = malloc(sizeof(long) * (len / 2 + 2));
    long d = 0;
    char *cur = malloc(len + 1);
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\n'))
            i++;
        size_t cl = 0;
        while (i < len && text[i] != ' ' && text[i] != '\n') {
            char c = text[i++];
            if (is_alnum(c))
                cur[cl++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        if (cl == 0)
            continue;
        cur[cl] = '\0';
        long j = 0;
        while (j < d && strcmp(word[j], cur) != 0)
            j++;
        if (j == d) {
            word[d] = strdup(cur);
            count[d] = 0;
            d++;
        }
        count[j]++;
    }
    long k = n < d ? n : d;
    printf("%ld\n", k);
    for (long t = 0; t < k; t++) {
        long best = -1;
        for (long j = 0; j < d; j++) {
            if (count[j] < 0)
                continue;
            if (best < 0 || count[j] > count[best] ||
                (count[j] == count[best] && strcmp(word[j], word[best]) < 0))
                best = j;
        }
        printf("%s %ld\n", word[best], count[best]);
        count[best] = -1;
    }
    for (long j = 0; j < d; j++)
        free(word[j]);
    free(word);
    free(count);
    free(cur);
    free(text);
    return 0;
}
