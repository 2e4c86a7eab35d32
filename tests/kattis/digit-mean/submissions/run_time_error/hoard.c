/* Keeps every digit in a table far larger than the 64 MiB the problem allows: the memory limit
 * stops it, a run-time error in Kattis terms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    size_t size = 512u << 20;
    char *table = malloc(size);
    if (!table)
        return 1;
    memset(table, 1, size);
    long long sum = 0, n = 0;
    int c;
    while ((c = getchar()) != EOF)
        if (c >= '0' && c <= '9') {
            sum += c - '0' + table[n % size] - 1;
            n++;
        }
    printf("%.9f\n", n ? (double)sum / (double)n : 0.0);
    return 0;
}
