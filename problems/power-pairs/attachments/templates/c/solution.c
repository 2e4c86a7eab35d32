#include <stdio.h>

int main(void)
{
    /* Read L, R and N from stdin; print the pairs to stdout. */
    return 0;
}
