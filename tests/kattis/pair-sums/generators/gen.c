/* gen.c N PARITY: N numbers all of one parity, written to {name}-free stdout. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        return 1;
    int n = atoi(argv[1]), parity = atoi(argv[2]);
    printf("%d\n", n);
    for (int i = 0; i < n; i++)
        printf("%d%c", 2 * i + parity - 500, i + 1 < n ? ' ' : '\n');
    return 0;
}
