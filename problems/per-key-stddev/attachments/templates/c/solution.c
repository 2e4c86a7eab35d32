#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < n; i++) {
        char key[16];
        int value;
        if (scanf("%15s %d", key, &value) != 2)
            return 1;
        /* group the row by its key */
    }
    /* print "key std" for every key, in order of first appearance */
    return 0;
}
