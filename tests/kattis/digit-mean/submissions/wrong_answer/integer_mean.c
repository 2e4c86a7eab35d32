/* Divides in integers: 2 instead of 2.5. */
#include <stdio.h>

int main(void)
{
    long long sum = 0, n = 0;
    int c;
    while ((c = getchar()) != EOF)
        if (c >= '0' && c <= '9') {
            sum += c - '0';
            n++;
        }
    printf("%lld\n", n ? sum / n : 0);
    return 0;
}
