/* Marks every value seen in a table, then looks for the gap. */
#include <stdlib.h>
#include "solution.h"

static int first_unmarked(const unsigned char *seen, int limit)
{
    for (int value = 0; value <= limit; value++) {
        if (!seen[value])
            return value;
    }
    return -1;
}

static unsigned char *make_table(int *nums, int count)
{
    unsigned char *seen = calloc((size_t)count + 1, 1);
    if (seen == NULL)
        return NULL;
    for (int i = 0; i < count; i++) {
        if (nums[i] >= 0 && nums[i] <= count)
            seen[nums[i]] = 1;
    }
    return seen;
}

int missing_number(int *nums, int numsSize)
{
    unsigned char *seen = make_table(nums, numsSize);
    if (seen == NULL) {
        long long total = (long long)numsSize * (numsSize + 1) / 2;
        for (int i = 0; i < numsSize; i++)
            total -= nums[i];
        return (int)total;
    }
    int answer = first_unmarked(seen, numsSize);
    free(seen);
    return answer;
}
