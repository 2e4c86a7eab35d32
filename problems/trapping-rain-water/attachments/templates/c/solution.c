#include <stdio.h>

int main(void)
{
    /* Read n and the heights from stdin; print the trapped water to stdout. */
    return 0;
}
