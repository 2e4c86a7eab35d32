/* Asks once, then fails. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    long n;
    char r[4];
    if (scanf("%ld", &n) != 1)
        return 1;
    printf("? 1\n");
    fflush(stdout);
    if (scanf("%3s", r) == 1 && r[0] == '=') {
        printf("! 1\n");
        fflush(stdout);
        return 0;
    }
    abort();
}
