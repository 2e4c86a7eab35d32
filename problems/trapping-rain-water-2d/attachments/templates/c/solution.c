#include <stdio.h>

int main(void)
{
    /* Read the grid from stdin; print the trapped water to stdout. */
    return 0;
}
