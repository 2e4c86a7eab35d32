/* Interactor for hidden-number: reads "n x" from the input file, answers the program's
 * questions on its stdout and judges with 42 (accepted) or 43 (wrong answer). */
#include <stdio.h>
#include <string.h>

static int verdict(const char *feedback, int code, const char *msg)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/judgemessage.txt", feedback);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(msg, f);
        fclose(f);
    }
    return code;
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 1;
    FILE *in = fopen(argv[1], "r");
    long n, x;
    if (!in || fscanf(in, "%ld %ld", &n, &x) != 2)
        return 1;
    fclose(in);
    printf("%ld\n", n);
    fflush(stdout);
    for (int asked = 0;; asked++) {
        char op[8];
        long y;
        if (scanf("%7s %ld", op, &y) != 2)
            return verdict(argv[3], 43, "the program stopped without an answer");
        if (!strcmp(op, "!"))
            return y == x ? 42 : verdict(argv[3], 43, "wrong number");
        if (strcmp(op, "?"))
            return verdict(argv[3], 43, "neither a question nor an answer");
        if (asked == 25)
            return verdict(argv[3], 43, "more than 25 questions");
        printf("%s\n", y > x ? "<" : y < x ? ">" : "=");
        fflush(stdout);
    }
}
