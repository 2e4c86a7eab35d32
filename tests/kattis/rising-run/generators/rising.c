/* rising.c N: the numbers 1 to N in order, one long rising block. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 0;
    printf("%ld\n", n);
    for (long i = 1; i <= n; i++)
        printf("%ld%c", i, i < n ? ' ' : '\n');
    return 0;
}
