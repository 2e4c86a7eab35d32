#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < n; i++) {
        long long amount;
        if (scanf("%lld", &amount) != 1)
            return 1;
        /* store the amount */
    }
    /* print the number of kept rows, then the kept amounts in input order */
    return 0;
}
