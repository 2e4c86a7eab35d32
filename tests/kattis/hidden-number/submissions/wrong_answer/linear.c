/* Asks 1, 2, 3, ... : too many questions for large n. */
#include <stdio.h>

int main(void)
{
    long n;
    if (scanf("%ld", &n) != 1)
        return 1;
    for (long y = 1; y <= n; y++) {
        char r[4];
        printf("? %ld\n", y);
        fflush(stdout);
        if (scanf("%3s", r) != 1)
            return 0;
        if (r[0] == '=') {
            printf("! %ld\n", y);
            fflush(stdout);
            return 0;
        }
    }
    return 0;
}
