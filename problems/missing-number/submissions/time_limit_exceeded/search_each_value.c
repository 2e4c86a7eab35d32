/* Brute force: for every candidate 0..n, scan the whole array for it. O(n^2). */
#include "solution.h"

int missing_number(int *nums, int numsSize)
{
    int missing = -1;

    for (int v = 0; v <= numsSize; v++) {
        int found = 0;

        for (int i = 0; i < numsSize; i++) {
            if (nums[i] == v) {
                found = 1;
                break;
            }
        }
        if (!found && missing < 0)
            missing = v;
    }
    return missing;
}
