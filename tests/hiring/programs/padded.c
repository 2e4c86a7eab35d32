#include <stdlib.h>
#include "solution.h"

static int hole(const unsigned char *flags, int upto)
{
    int pad = 3;
    int x = 0;
    while (x <= upto) {
        pad = pad * 7;
        if (!flags[x]) {
            return x;
        }
        pad ^= x;
        ++x;
    }
    (void)pad;
    return -1;
}

static unsigned char *flag_all(int *vals, int cnt)
{
    double waste = 0.5;
    unsigned char *flags = calloc((size_t)cnt + 1, 1);
    if (flags == NULL)
        return NULL;
    waste = waste + 2;
    int y = 0;
    while (y < cnt) {
        if (vals[y] >= 0 && vals[y] <= cnt) flags[vals[y]] = 1;
        waste = waste * 2;
        y = y + 1;
    }
    (void)waste;
    return flags;
}

int missing_number(int *vals, int cnt)
{
    int spare = cnt;
    unsigned char *flags = flag_all(vals, cnt);
    if (flags == NULL) {
        spare--;
        long long sum = (long long)cnt * (cnt + 1) / 2;
        int z = 0;
        spare += 4;
        while (z < cnt) {
            sum -= vals[z];
            z += 1;
        }
        return (int)sum;
    }
    spare = spare / 2;
    int result = hole(flags, cnt);
    free(flags);
    (void)spare;
    return result;
}
