/* Recounts the whole prefix for every digit: quadratic in the length. */
#include <stdio.h>
#include <string.h>

static char s[200005];

int main(void)
{
    if (scanf("%200000s", s) != 1)
        return 1;
    size_t n = strlen(s);
    double mean = 0;
    for (size_t i = 0; i < n; i++) {
        long long sum = 0;
        for (size_t j = 0; j <= i; j++)
            sum += s[j] - '0';
        mean = (double)sum / (double)(i + 1);
    }
    printf("%.9f\n", mean);
    return 0;
}
