/* Mistake: a presence table sized for "n up to about 10^5" (2^17 entries). Values past it are
 * skipped instead of recorded, so when the absent value lies beyond the table and below n the
 * scan finds no gap and answers n. The constraints allow n = 500000. */
#include "solution.h"

#define SEEN_MAX (1 << 17)

static unsigned char seen[SEEN_MAX];

int missing_number(int *nums, int numsSize)
{
    for (int i = 0; i < numsSize; i++)
        if (nums[i] < SEEN_MAX)
            seen[nums[i]] = 1;
    for (int v = 0; v <= numsSize && v < SEEN_MAX; v++)
        if (!seen[v])
            return v;
    return numsSize;
}
