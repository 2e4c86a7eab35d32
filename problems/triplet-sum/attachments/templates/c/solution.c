#include <stdio.h>

int main(void)
{
    /* Read n, k and the array from stdin; print the triplets to stdout. */
    return 0;
}
