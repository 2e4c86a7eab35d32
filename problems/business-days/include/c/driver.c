#include <stdio.h>
#include <string.h>
#include "solution.h"

int main(void)
{
    int q;
    if (scanf("%d", &q) != 1)
        return 1;
    for (int i = 0; i < q; i++) {
        char a[16], b[16];
        if (scanf("%15s %15s", a, b) != 2)
            return 1;
        printf("%d\n", business_days(a, b));
    }
    return 0;
}
