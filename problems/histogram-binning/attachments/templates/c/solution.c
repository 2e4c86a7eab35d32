#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, x;
    if (scanf("%d %d", &n, &x) != 2)
        return 1;
    for (int i = 0; i < n; i++) {
        long long v;
        if (scanf("%lld", &v) != 1)
            return 1;
        /* remember the value */
    }
    /* print "lo hi count" for every non-empty bin, in increasing order */
    return 0;
}
