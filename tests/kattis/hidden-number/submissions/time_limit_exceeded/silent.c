/* Reads n and then waits for an answer the judge never sends: it blocks until stopped. */
#include <stdio.h>

int main(void)
{
    long n;
    char r[4];
    if (scanf("%ld", &n) != 1)
        return 1;
    if (scanf("%3s", r) != 1)
        return 0;
    return 0;
}
