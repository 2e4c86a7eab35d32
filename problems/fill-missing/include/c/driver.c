#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "solution.h"

/* Reads the test, calls fillMissing and prints the returned values on one line. */
int main(void)
{
    int n;
    if (scanf("%d", &n) != 1 || n < 0)
        return 1;
    int *nums = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    bool *isMissing = malloc(sizeof(bool) * (size_t)(n > 0 ? n : 1));
    if (!nums || !isMissing)
        return 1;
    char tok[32];
    for (int i = 0; i < n; i++) {
        if (scanf("%31s", tok) != 1)
            return 1;
        if (strcmp(tok, "None") == 0) {
            isMissing[i] = true;
            nums[i] = INT_MIN; /* unspecified for missing entries: must not be used */
        } else {
            isMissing[i] = false;
            nums[i] = (int)strtol(tok, NULL, 10);
        }
    }

    int returnSize = -1;
    int *res = fillMissing(nums, isMissing, n, &returnSize);
    if (returnSize != n || (n > 0 && res == NULL)) {
        printf("invalid\n");
        free(res);
        free(nums);
        free(isMissing);
        return 0;
    }
    for (int i = 0; i < n; i++)
        printf(i ? " %d" : "%d", res[i]);
    printf("\n");
    free(res);
    free(nums);
    free(isMissing);
    return 0;
}
