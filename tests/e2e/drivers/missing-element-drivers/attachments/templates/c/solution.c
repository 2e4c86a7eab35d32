#include <stdio.h>

int main(void)
{
    /* Read n and both lists from stdin; print the missing element to stdout. */
    return 0;
}
