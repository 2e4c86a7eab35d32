/* Accepts any permutation of 1..n: argv[1] input, argv[2] answer, argv[3] feedback dir. */
#include <stdio.h>
#include <stdlib.h>
static int reject(const char *dir, const char *why)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/judgemessage.txt", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(why, f);
        fclose(f);
    }
    return 43;
}
int main(int argc, char **argv)
{
    if (argc < 4)
        return 1;
    FILE *in = fopen(argv[1], "r");
    int n;
    if (!in || fscanf(in, "%d", &n) != 1)
        return 1;
    char *seen = calloc((size_t)n + 1, 1);
    for (int i = 0; i < n; i++) {
        int v;
        if (scanf("%d", &v) != 1)
            return reject(argv[3], "too few numbers");
        if (v < 1 || v > n || seen[v])
            return reject(argv[3], "not a permutation");
        seen[v] = 1;
    }
    int extra;
    if (scanf("%d", &extra) == 1)
        return reject(argv[3], "too many numbers");
    return 42;
}
