#include <stdio.h>
#include "solution.h"

int main(void)
{
    int t;
    if (scanf("%d", &t) != 1)
        return 1;
    for (int i = 0; i < t; i++) {
        int r1[4], r2[4];
        for (int k = 0; k < 4; k++)
            if (scanf("%d", &r1[k]) != 1)
                return 1;
        for (int k = 0; k < 4; k++)
            if (scanf("%d", &r2[k]) != 1)
                return 1;
        puts(is_overlap(r1, 4, r2, 4) ? "true" : "false");
    }
    return 0;
}
