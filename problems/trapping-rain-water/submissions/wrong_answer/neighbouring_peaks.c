/* Mistake: fills each stretch between two neighbouring local peaks up to the lower of the two.
 * A low peak between two high walls is drowned in reality, but here it splits the pool. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n, prev = -1;
    long long *h;
    long long water = 0;

    if (scanf("%d", &n) != 1)
        return 1;
    h = malloc(sizeof *h * (size_t)(n > 0 ? n : 1));
    if (!h)
        return 1;
    for (int i = 0; i < n; i++)
        if (scanf("%lld", &h[i]) != 1)
            return 1;
    for (int i = 0; i < n; i++) {
        int peak = (i == 0 || h[i] >= h[i - 1]) && (i == n - 1 || h[i] >= h[i + 1]);

        if (!peak)
            continue;
        if (prev >= 0) {
            long long level = h[prev] < h[i] ? h[prev] : h[i];

            for (int j = prev + 1; j < i; j++)
                if (level > h[j])
                    water += level - h[j];
        }
        prev = i;
    }
    printf("%lld\n", water);
    free(h);
    return 0;
}
