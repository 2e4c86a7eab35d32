/* Validator of letter-relay. First pass (input "encode x"): the program's word must be 1 to 14
 * lowercase letters; it becomes the next pass's input, "decode word". Second pass: the program
 * must print x, which the answer file holds. */
#include <stdio.h>
#include <string.h>

static int reject(const char *feedback, const char *msg)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/judgemessage.txt", feedback);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(msg, f);
        fclose(f);
    }
    return 43;
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 1;
    char mode[16], arg[64];
    FILE *in = fopen(argv[1], "r");
    if (!in || fscanf(in, "%15s %63s", mode, arg) != 2)
        return 1;
    fclose(in);
    if (!strcmp(mode, "encode")) {
        char word[64];
        if (scanf("%63s", word) != 1)
            return reject(argv[3], "no word");
        size_t n = strlen(word);
        if (n < 1 || n > 14 || strspn(word, "abcdefghijklmnopqrstuvwxyz") != n)
            return reject(argv[3], "not a word of 1 to 14 lowercase letters");
        char path[4096];
        snprintf(path, sizeof(path), "%s/nextpass.in", argv[3]);
        FILE *next = fopen(path, "w");
        if (!next)
            return 1;
        fprintf(next, "decode %s\n", word);
        fclose(next);
        return 42;
    }
    FILE *ans = fopen(argv[2], "r");
    unsigned long long want, got;
    if (!ans || fscanf(ans, "%llu", &want) != 1)
        return 1;
    fclose(ans);
    if (scanf("%llu", &got) != 1 || got != want)
        return reject(argv[3], "the number came back wrong");
    return 42;
}
