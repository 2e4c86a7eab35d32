#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    long long mu0;
    if (scanf("%d %lld", &n, &mu0) != 2)
        return 1;
    for (int i = 0; i < n; i++) {
        long long x;
        if (scanf("%lld", &x) != 1)
            return 1;
        /* use the value */
    }
    /* print t with 6 decimals, or "undefined" */
    return 0;
}
