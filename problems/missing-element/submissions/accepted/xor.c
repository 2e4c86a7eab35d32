/* XOR every element of both lists: each value present in both cancels, the orphan remains. O(n). */
#include <stdio.h>

int main(void)
{
    int n;
    unsigned int x = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    for (int i = 0; i < 2 * n - 1; i++) {
        int v;

        if (scanf("%d", &v) != 1)
            return 1;
        x ^= (unsigned int)v;
    }
    printf("%d\n", (int)x);
    return 0;
}
